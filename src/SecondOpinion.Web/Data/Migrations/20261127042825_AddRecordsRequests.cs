using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondOpinion.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddRecordsRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordsRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Route = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PatientDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HolderAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HolderPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    HolderFax = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecipientKind = table.Column<int>(type: "INTEGER", nullable: true),
                    RecipientDoctorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    RecipientPractice = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecipientPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecipientFax = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherRecords = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Dates = table.Column<int>(type: "INTEGER", nullable: true),
                    DatesFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatesTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryEvent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Signer = table.Column<int>(type: "INTEGER", nullable: true),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    RepresentativeAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentBy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordsRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordsRequests_Doctors_RecipientDoctorId",
                        column: x => x.RecipientDoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RecordsRequests_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordsFollowUpCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordsRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    CalledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SpokeWith = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    WhatWasSaid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordsFollowUpCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordsFollowUpCalls_RecordsRequests_RecordsRequestId",
                        column: x => x.RecordsRequestId,
                        principalTable: "RecordsRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordsStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordsRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentBy = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordsStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordsStatusChanges_RecordsRequests_RecordsRequestId",
                        column: x => x.RecordsRequestId,
                        principalTable: "RecordsRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordsFollowUpCalls_RecordsRequestId",
                table: "RecordsFollowUpCalls",
                column: "RecordsRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsRequests_PlanId",
                table: "RecordsRequests",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsRequests_RecipientDoctorId",
                table: "RecordsRequests",
                column: "RecipientDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsStatusChanges_RecordsRequestId",
                table: "RecordsStatusChanges",
                column: "RecordsRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordsFollowUpCalls");

            migrationBuilder.DropTable(
                name: "RecordsStatusChanges");

            migrationBuilder.DropTable(
                name: "RecordsRequests");
        }
    }
}
