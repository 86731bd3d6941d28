using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecondOpinion.Web.Data.Migrations
{
    /// <summary>
    /// Write-ahead logging lets people read while someone else saves. SQLite keeps the setting in
    /// the database file, so it is made once, here, on its own: it cannot run inside a transaction.
    /// </summary>
    public partial class UseWriteAheadLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("PRAGMA journal_mode=WAL;", suppressTransaction: true);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite())
            {
                migrationBuilder.Sql("PRAGMA journal_mode=DELETE;", suppressTransaction: true);
            }
        }
    }
}
