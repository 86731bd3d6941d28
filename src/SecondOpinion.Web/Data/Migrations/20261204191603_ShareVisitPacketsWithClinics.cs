using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondOpinion.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShareVisitPacketsWithClinics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SharedWithClinicId",
                table: "PacketLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PacketLinks_SharedWithClinicId_ExpiresAtUtc",
                table: "PacketLinks",
                columns: new[] { "SharedWithClinicId", "ExpiresAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_PacketLinks_Clinics_SharedWithClinicId",
                table: "PacketLinks",
                column: "SharedWithClinicId",
                principalTable: "Clinics",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PacketLinks_Clinics_SharedWithClinicId",
                table: "PacketLinks");

            migrationBuilder.DropIndex(
                name: "IX_PacketLinks_SharedWithClinicId_ExpiresAtUtc",
                table: "PacketLinks");

            migrationBuilder.DropColumn(
                name: "SharedWithClinicId",
                table: "PacketLinks");
        }
    }
}
