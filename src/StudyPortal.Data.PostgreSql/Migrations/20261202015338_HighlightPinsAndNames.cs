using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class HighlightPinsAndNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssignmentId",
                table: "Highlights",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Named",
                table: "Highlights",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Highlights_AssignmentId",
                table: "Highlights",
                column: "AssignmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Highlights_Assignments_AssignmentId",
                table: "Highlights",
                column: "AssignmentId",
                principalTable: "Assignments",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Highlights_Assignments_AssignmentId",
                table: "Highlights");

            migrationBuilder.DropIndex(
                name: "IX_Highlights_AssignmentId",
                table: "Highlights");

            migrationBuilder.DropColumn(
                name: "AssignmentId",
                table: "Highlights");

            migrationBuilder.DropColumn(
                name: "Named",
                table: "Highlights");
        }
    }
}
