using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>A group's study record for the branch's files: one row per member and assignment, Chinese headers, as CSV or Excel.</summary>
public static class GroupRecord
{
    public static readonly string[] Headers = ["成员", "用户名", "学习任务", "章节", "截止日期", "状态", "完成时间", "学习心得", "标注的原文", "组长点评"];

    public static IReadOnlyList<string[]> Rows(StudyPlans.Matrix matrix, StudyClock clock, Func<StudyStatus, string> statusName) =>
        matrix.Members.Where(m => !m.IsLeader)
            .SelectMany(m => matrix.Assignments.Select(a =>
            {
                var cell = matrix.Cells[(m.UserId, a.Id)];
                var sections = string.Join("；", a.Sections.OrderBy(s => s.Position).Select(s => s.Heading.Length > 0 ? s.Heading : s.ArticleTitle));
                return new[]
                {
                    m.DisplayName, m.UserName, a.Title, sections, a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), statusName(cell.Status),
                    cell.CheckIn is null ? "" : clock.Local(cell.CheckIn.CheckedInAtUtc),
                    // Exports are read as text: the reflection's Markdown becomes its words, line breaks and list marks.
                    cell.CheckIn?.Reflection is { } reflection ? SafeMarkdown.ToPlainText(reflection) : "",
                    string.Join("\n", (cell.CheckIn?.Passages ?? []).Select(p => $"“{p.Exact}”" + (p.Note is null ? "" : $"（{p.Note}）"))),
                    cell.CheckIn?.LeaderComment ?? "",
                };
            }))
            .ToList();

    /// <summary>UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it without mojibake.</summary>
    public static byte[] Csv(IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var row in rows.Prepend(Headers))
            {
                foreach (var field in row) csv.WriteField(UserText.SpreadsheetSafe(UserText.Clean(field)));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\, not empty.</summary>
    private static string SheetName(string name)
    {
        var kept = UserText.Cut(new string(UserText.Clean(name).Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0 && !char.IsControl(c)).ToArray()).Trim(), 31);
        return kept.Length == 0 ? "学习记录" : kept;
    }

    /// <summary>An .xlsx workbook with one sheet, written with the Open XML SDK (inline strings, a bold header row).</summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            foreach (var row in rows.Prepend(Headers))
            {
                var header = index == 1;
                var r = new Row { RowIndex = index };
                for (var c = 0; c < row.Length; c++)
                    r.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{index}", DataType = CellValues.InlineString, StyleIndex = header ? 1U : 2U,
                        InlineString = new InlineString(new Text(UserText.Clean(row[c])) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                data.Append(r);
                index++;
            }
            var widths = new double[] { 12, 14, 30, 40, 12, 10, 18, 60, 40, 30 };
            sheetPart.Worksheet = new Worksheet(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })), data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
