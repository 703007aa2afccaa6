using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
{
    /// <summary>
    /// One full-text table instead of two: single characters and pairs without positions, longer terms confirmed in
    /// the text. The old tables cannot be converted in SQL (tokens are made in C#), so the entries are emptied here
    /// and <see cref="DatabaseInitializer"/> rebuilds the index on start.
    /// </summary>
    public partial class SearchGramsOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchTrigrams";""");
            migrationBuilder.Sql("""DROP TABLE "SearchGrams";""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            // The tokens arrive space-separated and lower-cased; the ascii tokenizer only splits them at the spaces.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchGrams" USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii');""");
            // A 64 MB token buffer instead of 1 MB: a large document is flushed as one segment, not dozens merged again.
            migrationBuilder.Sql("""INSERT INTO "SearchGrams" ("SearchGrams", rank) VALUES ('hashsize', 67108864);""");
            // Merge segments sixteen at a time rather than four: each token is rewritten fewer times as documents arrive.
            migrationBuilder.Sql("""INSERT INTO "SearchGrams" ("SearchGrams", rank) VALUES ('automerge', 16);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchGrams";""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries";""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchTrigrams" USING fts5(text, content='', contentless_delete=1, tokenize='trigram case_sensitive 0');""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchGrams" USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');""");
        }
    }
}
