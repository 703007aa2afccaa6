using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StudyPortal.Data;
using StudyPortal.Data.Highlights;
using StudyPortal.Data.Library;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Highlights;

/// <summary>
/// /api/highlights: a reader's highlights and notes, and those shared with their study groups. Reading asks for one
/// section's; writing (with the form token from /api/me) is for one's own items only. A private highlight is seen by
/// its owner alone; a shared one by the current members of its group, without the owner's name.
/// </summary>
public static class HighlightApi
{
    /// <param name="Named">Show the owner's name to the group with a shared highlight.</param>
    /// <param name="AssignmentId">Pin to an assignment: only a leader of its group, for a passage in its sections.</param>
    public sealed record HighlightInput(string? SectionKey, int Paragraph, int Start, int End, string? Exact, string? Color, string? Note, int? GroupId,
        bool Named = false, int? AssignmentId = null);

    /// <summary>A PUT replaces the note, the sharing, the name and the pin (null: no note, private, unpinned); the colour stays when not given.</summary>
    public sealed record HighlightChange(string? Color, string? Note, int? GroupId, bool Named = false, int? AssignmentId = null);

    /// <param name="Count">
    /// How many members of the group marked this same passage (1 for a private highlight). Other members' marks of one
    /// passage without a note, a name or a pin are answered as one item with this count.
    /// </param>
    /// <param name="Author">The owner's display name, only when the owner shared it with their name.</param>
    public sealed record HighlightItem(long Id, string SectionKey, int Paragraph, int Start, int End, string Exact, string Prefix, string Suffix,
        string Color, string? Note, int? GroupId, bool Mine, int Count, bool Named, string? Author, int? AssignmentId, string? AssignmentTitle);

    public static void MapHighlightApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/highlights").RequireAuthorization(PortalPolicies.SignedIn);
        api.MapGet("", ListAsync);
        api.MapPost("", CreateAsync).AddEndpointFilter(RequireFormToken);
        api.MapPut("/{id:long}", UpdateAsync).AddEndpointFilter(RequireFormToken);
        api.MapDelete("/{id:long}", DeleteAsync).AddEndpointFilter(RequireFormToken);
    }

    private static async Task<IResult> ListAsync(string? section, HttpContext http, PortalDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(section) || section.Length > Section.KeyMaxLength) return Results.Json(Array.Empty<HighlightItem>());
        var me = http.User.RequiredUserId();
        var groups = db.GroupMembers.Where(m => m.UserId == me).Select(m => (int?)m.GroupId);
        var rows = await db.Highlights.AsNoTracking()
            .Where(h => h.SectionKey == section && h.OrphanedAtUtc == null && (h.UserId == me || groups.Contains(h.GroupId)))
            .ToListAsync(cancellationToken);
        var authorIds = rows.Where(h => h.Named && h.GroupId is not null).Select(h => h.UserId).Distinct().ToList();
        var authors = authorIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var pinIds = rows.Where(h => h.AssignmentId is not null).Select(h => h.AssignmentId!.Value).Distinct().ToList();
        var pins = pinIds.Count == 0 ? [] : await db.Assignments.AsNoTracking().Where(a => pinIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);

        var heat = rows.Where(h => h.GroupId is not null)
            .GroupBy(h => (h.GroupId, h.Paragraph, h.Start, h.End))
            .ToDictionary(g => g.Key, g => g.Select(h => h.UserId).Distinct().Count());
        int Heat(Highlight h) => h.GroupId is null ? 1 : heat[(h.GroupId, h.Paragraph, h.Start, h.End)];
        // Others' bare marks of one passage are one item: a busy section answers with its passages, not every member's click.
        var bare = rows.Where(h => h.UserId != me && h.Note is null && !h.Named && h.AssignmentId is null)
            .GroupBy(h => (h.GroupId, h.Paragraph, h.Start, h.End)).Select(g => g.MinBy(h => h.Id)!);
        var items = rows.Where(h => h.UserId == me || h.Note is not null || h.Named || h.AssignmentId is not null).Concat(bare)
            .OrderBy(h => h.Paragraph).ThenBy(h => h.Start).ThenBy(h => h.Id)
            .Select(h => Item(h, me, Heat(h), h.Named && h.GroupId is not null ? authors.GetValueOrDefault(h.UserId) : null,
                h.AssignmentId is { } pin ? pins.GetValueOrDefault(pin) : null))
            .ToList();
        return Results.Json(items);
    }

    private static async Task<IResult> CreateAsync(HighlightInput input, HttpContext http, PortalDbContext db, TimeProvider time,
        IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var me = http.User.RequiredUserId();
        if (input.SectionKey is not { Length: > 0 and <= Section.KeyMaxLength } key) return Refused(text, "Highlights.Error.Section");
        var paragraph = await db.Paragraphs.AsNoTracking().Where(p => p.Section!.Key == key && p.Position == input.Paragraph)
            .Select(p => new { p.Text, p.Section!.DocumentId }).FirstOrDefaultAsync(cancellationToken);
        if (paragraph is null) return Results.Problem(text["Highlights.Error.Section"].Value, statusCode: StatusCodes.Status404NotFound);
        if (input.Start < 0 || input.End <= input.Start || input.End > paragraph.Text.Length || input.End - input.Start > Highlight.ExactMaxLength)
            return Refused(text, "Highlights.Error.Range");
        if (!string.Equals(paragraph.Text[input.Start..input.End], input.Exact, StringComparison.Ordinal)) return Refused(text, "Highlights.Error.Exact");
        if (HighlightColors.Parse(input.Color) is not { } color) return Refused(text, "Highlights.Error.Color");
        if (input.Note is { Length: > Highlight.NoteMaxLength }) return Refused(text, "Highlights.Error.Note");
        if (input.GroupId is { } group && !await db.GroupMembers.AnyAsync(m => m.GroupId == group && m.UserId == me, cancellationToken))
            return Results.Problem(text["Highlights.Error.Group"].Value, statusCode: StatusCodes.Status403Forbidden);
        if (input.AssignmentId is { } assignment && await PinRefusedAsync(db, text, me, assignment, input.GroupId, key, cancellationToken) is { } refused)
            return refused;
        // The same passage marked again (a second click, a retried request) is the highlight already there.
        if (await SamePassageAsync(db, me, key, input.Paragraph, input.Start, input.End, long.MaxValue, cancellationToken) is { } existing)
            return Results.Ok(await OwnItemAsync(db, existing, me, cancellationToken));
        var (prefix, suffix) = TextQuote.Context(paragraph.Text, input.Start, input.End);
        var now = time.GetUtcNow().UtcDateTime;
        var highlight = new Highlight
        {
            UserId = me, DocumentId = paragraph.DocumentId, SectionKey = key, Paragraph = input.Paragraph, Start = input.Start, End = input.End,
            Exact = input.Exact!, Prefix = prefix, Suffix = suffix, Color = color, Note = Blank(input.Note), GroupId = input.GroupId,
            Named = input.Named && input.GroupId is not null, AssignmentId = input.AssignmentId, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Highlights.Add(highlight);
        await db.SaveChangesAsync(cancellationToken);
        // Two identical requests at once both pass the check above; the later row gives way to the earlier one.
        if (await SamePassageAsync(db, me, key, input.Paragraph, input.Start, input.End, highlight.Id, cancellationToken) is { } earlier)
        {
            await db.Highlights.Where(h => h.Id == highlight.Id).ExecuteDeleteAsync(cancellationToken);
            return Results.Ok(await OwnItemAsync(db, earlier, me, cancellationToken));
        }
        return Results.Created($"/api/highlights/{highlight.Id}", await OwnItemAsync(db, highlight, me, cancellationToken));
    }

    private static async Task<IResult> UpdateAsync(long id, HighlightChange change, HttpContext http, PortalDbContext db, TimeProvider time,
        IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var me = http.User.RequiredUserId();
        // Someone else's id is answered as if it did not exist: a private highlight's existence is its owner's business.
        var highlight = await db.Highlights.FirstOrDefaultAsync(h => h.Id == id && h.UserId == me, cancellationToken);
        if (highlight is null) return Results.Problem(text["Highlights.Error.NotFound"].Value, statusCode: StatusCodes.Status404NotFound);
        if (change.Color is not null && HighlightColors.Parse(change.Color) is not { } color) return Refused(text, "Highlights.Error.Color");
        if (change.Note is { Length: > Highlight.NoteMaxLength }) return Refused(text, "Highlights.Error.Note");
        if (change.GroupId is { } group && !await db.GroupMembers.AnyAsync(m => m.GroupId == group && m.UserId == me, cancellationToken))
            return Results.Problem(text["Highlights.Error.Group"].Value, statusCode: StatusCodes.Status403Forbidden);
        if (change.AssignmentId is { } assignment
            && await PinRefusedAsync(db, text, me, assignment, change.GroupId, highlight.SectionKey, cancellationToken) is { } refused)
            return refused;
        if (change.Color is not null) highlight.Color = HighlightColors.Parse(change.Color)!.Value;
        highlight.Note = Blank(change.Note);
        highlight.GroupId = change.GroupId;
        highlight.Named = change.Named && change.GroupId is not null;
        highlight.AssignmentId = change.AssignmentId;
        highlight.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(await OwnItemAsync(db, highlight, me, cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext http, PortalDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var me = http.User.RequiredUserId();
        return await db.Highlights.Where(h => h.Id == id && h.UserId == me).ExecuteDeleteAsync(cancellationToken) > 0
            ? Results.NoContent()
            : Results.Problem(text["Highlights.Error.NotFound"].Value, statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>A write without the form token (from /api/me) is refused before anything is read or stored.</summary>
    private static async ValueTask<object?> RequireFormToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return Results.Problem(text["Highlights.Error.Token"].Value, statusCode: StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }

    /// <summary>
    /// Why a pin is refused, or null: the assignment must exist (404), the caller must lead its group (403), the
    /// highlight must be shared with that group (400), and its passage must be in one of the assignment's sections (400).
    /// </summary>
    private static async Task<IResult?> PinRefusedAsync(PortalDbContext db, IStringLocalizer<SharedResource> text, string me, int assignmentId,
        int? groupId, string sectionKey, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking().Where(a => a.Id == assignmentId)
            .Select(a => new { a.GroupId, InSections = a.Sections.Any(s => s.SectionKey == sectionKey) }).FirstOrDefaultAsync(cancellationToken);
        // An assignment of a group the caller is not in is answered as unknown: its existence is that group's business.
        var member = assignment is null ? null : await db.GroupMembers.AsNoTracking()
            .FirstOrDefaultAsync(m => m.GroupId == assignment.GroupId && m.UserId == me, cancellationToken);
        if (assignment is null || member is null) return Results.Problem(text["Highlights.Error.Assignment"].Value, statusCode: StatusCodes.Status404NotFound);
        if (!member.IsLeader) return Results.Problem(text["Highlights.Error.PinLeader"].Value, statusCode: StatusCodes.Status403Forbidden);
        if (groupId != assignment.GroupId) return Refused(text, "Highlights.Error.PinGroup");
        return assignment.InSections ? null : Refused(text, "Highlights.Error.PinSection");
    }

    /// <summary>The caller's earliest highlight of exactly this passage with an id below <paramref name="below"/>, if any.</summary>
    private static Task<Highlight?> SamePassageAsync(PortalDbContext db, string me, string key, int paragraph, int start, int end, long below,
        CancellationToken cancellationToken) =>
        db.Highlights.AsNoTracking()
            .Where(h => h.UserId == me && h.SectionKey == key && h.Paragraph == paragraph && h.Start == start && h.End == end && h.OrphanedAtUtc == null && h.Id < below)
            .OrderBy(h => h.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The owner's item as stored, with its pin's title.</summary>
    private static async Task<HighlightItem> OwnItemAsync(PortalDbContext db, Highlight h, string me, CancellationToken cancellationToken)
    {
        var pin = h.AssignmentId is { } id ? await db.Assignments.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(cancellationToken) : null;
        return Item(h, me, 1, null, pin);
    }

    private static HighlightItem Item(Highlight h, string me, int count, string? author, string? pin) =>
        new(h.Id, h.SectionKey, h.Paragraph, h.Start, h.End, h.Exact, h.Prefix, h.Suffix, HighlightColors.Name(h.Color), h.Note, h.GroupId,
            h.UserId == me, count, h.Named, author, h.AssignmentId, pin);

    /// <summary>A note as people type it: cleaned of characters no export can hold (as forms are), empty as none.</summary>
    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : Infrastructure.UserText.Clean(note).Trim();

    private static IResult Refused(IStringLocalizer<SharedResource> text, string key) =>
        Results.Problem(text[key].Value, statusCode: StatusCodes.Status400BadRequest);
}
