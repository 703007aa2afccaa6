using StudyPortal.Data.Groups;

namespace StudyPortal.Web.Infrastructure.Groups;

/// <summary>
/// A group's 学习台账 for a period: the group, its leaders and members, and for each assignment due in the period its
/// chapters, dates and message, who checked in when and who did not, every reflection (as text) with its marked
/// passages, and the leader's comments. One record, rendered as a print view, a Word document, CSV and Excel.
/// </summary>
public sealed record StudyLedger(
    string GroupName, string? Description, IReadOnlyList<string> Leaders, IReadOnlyList<string> Members, DateOnly From, DateOnly To,
    string GeneratedOn, IReadOnlyList<StudyLedger.Item> Assignments)
{
    public sealed record Passage(string SectionKey, int Paragraph, string Exact, string? Note);

    public sealed record Entry(string Member, string? CheckedInAt, string? Reflection, IReadOnlyList<Passage> Passages, string? Comment, string? CommentedBy);

    public sealed record Item(int Id, string Title, IReadOnlyList<string> Chapters, string AssignedOn, DateOnly DueDate, string? Message, IReadOnlyList<Entry> Entries)
    {
        public IEnumerable<Entry> CheckedIn => Entries.Where(e => e.CheckedInAt is not null);
        public IEnumerable<Entry> Missing => Entries.Where(e => e.CheckedInAt is null);
    }

    /// <summary>The record of the assignments due from <paramref name="from"/> to <paramref name="to"/> (both days included).</summary>
    public static StudyLedger Of(StudyPlans.Matrix matrix, DateOnly from, DateOnly to, StudyClock clock)
    {
        var members = matrix.Members.Where(m => !m.IsLeader).ToList();
        var items = matrix.Assignments.Where(a => a.DueDate >= from && a.DueDate <= to).OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new Item(
                a.Id, a.Title,
                a.Sections.OrderBy(s => s.Position).Select(s => $"《{s.DocumentTitle}》" + (s.Heading.Length > 0 ? s.Heading : s.ArticleTitle)).ToList(),
                clock.Local(a.CreatedAtUtc)[..10], a.DueDate,
                a.Message is null ? null : SafeMarkdown.ToPlainText(a.Message),
                members.Select(m =>
                {
                    var checkIn = matrix.Cells[(m.UserId, a.Id)].CheckIn;
                    return new Entry(m.DisplayName, checkIn is null ? null : clock.Local(checkIn.CheckedInAtUtc),
                        checkIn?.Reflection is { } reflection ? SafeMarkdown.ToPlainText(reflection) : null,
                        checkIn?.Passages.OrderBy(p => p.Position).Select(p => new Passage(p.SectionKey, p.Paragraph, p.Exact, p.Note)).ToList() ?? [],
                        checkIn?.LeaderComment, checkIn?.CommentedBy);
                }).ToList()))
            .ToList();
        return new StudyLedger(matrix.Group.Name, matrix.Group.Description,
            matrix.Members.Where(m => m.IsLeader).Select(m => m.DisplayName).ToList(), members.Select(m => m.DisplayName).ToList(),
            from, to, clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), items);
    }
}
