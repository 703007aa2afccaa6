using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QuotationEnumerator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Enumerator",
                table: "Quotations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Enumerator",
                table: "Quotations");
        }
    }
}
