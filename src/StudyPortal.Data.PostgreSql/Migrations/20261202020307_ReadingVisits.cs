using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReadingVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReadingSeconds",
                table: "ReadingProgress",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "VisitStartedAtUtc",
                table: "ReadingProgress",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadingSeconds",
                table: "ReadingProgress");

            migrationBuilder.DropColumn(
                name: "VisitStartedAtUtc",
                table: "ReadingProgress");
        }
    }
}
