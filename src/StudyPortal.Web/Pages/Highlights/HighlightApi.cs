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
    public sealed record HighlightInput(string? SectionKey, int Paragraph, int Start, int End, string? Exact, string? Color, string? Note, int? GroupId);

    /// <summary>A PUT replaces the note and the sharing (null: no note, private); the colour stays when not given.</summary>
    public sealed record HighlightChange(string? Color, string? Note, int? GroupId);

    /// <param name="Count">How many members of the group marked this same passage (1 for a private highlight).</param>
    public sealed record HighlightItem(long Id, string SectionKey, int Paragraph, int Start, int End, string Exact, string Prefix, string Suffix,
        string Color, string? Note, int? GroupId, bool Mine, int Count);

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
        var heat = rows.Where(h => h.GroupId is not null)
            .GroupBy(h => (h.GroupId, h.Paragraph, h.Start, h.End))
            .ToDictionary(g => g.Key, g => g.Select(h => h.UserId).Distinct().Count());
        return Results.Json(rows.OrderBy(h => h.Paragraph).ThenBy(h => h.Start).Select(h => Item(h, me,
            h.GroupId is null ? 1 : heat[(h.GroupId, h.Paragraph, h.Start, h.End)])).ToList());
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
        var (prefix, suffix) = TextQuote.Context(paragraph.Text, input.Start, input.End);
        var now = time.GetUtcNow().UtcDateTime;
        var highlight = new Highlight
        {
            UserId = me, DocumentId = paragraph.DocumentId, SectionKey = key, Paragraph = input.Paragraph, Start = input.Start, End = input.End,
            Exact = input.Exact!, Prefix = prefix, Suffix = suffix, Color = color, Note = Blank(input.Note), GroupId = input.GroupId,
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Highlights.Add(highlight);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/highlights/{highlight.Id}", Item(highlight, me, 1));
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
        if (change.Color is not null) highlight.Color = HighlightColors.Parse(change.Color)!.Value;
        highlight.Note = Blank(change.Note);
        highlight.GroupId = change.GroupId;
        highlight.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Json(Item(highlight, me, 1));
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

    private static HighlightItem Item(Highlight h, string me, int count) =>
        new(h.Id, h.SectionKey, h.Paragraph, h.Start, h.End, h.Exact, h.Prefix, h.Suffix, HighlightColors.Name(h.Color), h.Note, h.GroupId, h.UserId == me, count);

    /// <summary>A note as people type it: cleaned of characters no export can hold (as forms are), empty as none.</summary>
    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : Infrastructure.UserText.Clean(note).Trim();

    private static IResult Refused(IStringLocalizer<SharedResource> text, string key) =>
        Results.Problem(text[key].Value, statusCode: StatusCodes.Status400BadRequest);
}
