using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StudyPortal.Data.PostgreSql.Migrations
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DocumentEdits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DocumentId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EditJson = table.Column<string>(type: "text", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: false),
                    After = table.Column<string>(type: "text", nullable: false),
                    Section = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SnapshotJson = table.Column<string>(type: "text", nullable: true),
                    UndoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Restores = table.Column<long>(type: "bigint", nullable: true)
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
