using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
{
    /// <summary>
    /// Documents whose full-text tokens are still to be written (<see cref="Search.SqliteSearchIndex"/>): storing a
    /// document no longer writes them in its own transaction. Like SearchGrams, SQLite-only and outside the EF model.
    /// </summary>
    public partial class SearchBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "SearchBacklog" ("DocumentId" INTEGER NOT NULL PRIMARY KEY);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchBacklog";""");
        }
    }
}
