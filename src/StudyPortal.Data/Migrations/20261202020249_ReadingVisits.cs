using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StudyPortal.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "VisitStartedAtUtc",
                table: "ReadingProgress",
                type: "TEXT",
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
