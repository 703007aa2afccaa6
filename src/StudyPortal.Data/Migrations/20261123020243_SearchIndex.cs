using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParagraphPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchEntries_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DocumentId",
                table: "SearchEntries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_SectionId",
                table: "SearchEntries",
                column: "SectionId");

            // Full-text tables over SearchEntries (rowid = SearchEntries.Id), contentless: snippets come from SearchEntries.Text.
            // Trigrams serve terms of three or more characters; grams (single characters and pairs) serve one and two, as single
            // tokens, so that table needs no positions (detail=none: a third of the size).
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchTrigrams" USING fts5(text, content='', contentless_delete=1, tokenize='trigram case_sensitive 0');""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchGrams" USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"SearchGrams\";");
            migrationBuilder.Sql("DROP TABLE \"SearchTrigrams\";");

            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
