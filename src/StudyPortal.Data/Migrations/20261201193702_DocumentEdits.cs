using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedTitle",
                table: "Documents",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DocumentEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EditJson = table.Column<string>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: false),
                    After = table.Column<string>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Restores = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentEdits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentEdits_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Documents stored before titles could be edited were keyed by the title they have.
            migrationBuilder.Sql("UPDATE \"Documents\" SET \"ImportedTitle\" = \"Title\"");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ImportedTitle",
                table: "Documents",
                column: "ImportedTitle");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentEdits_DocumentId_Revision",
                table: "DocumentEdits",
                columns: new[] { "DocumentId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentEdits");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ImportedTitle",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ImportedTitle",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Documents");
        }
    }
}
