using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "Articles",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "Articles");
        }
    }
}
