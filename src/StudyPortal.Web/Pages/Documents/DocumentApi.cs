using StudyPortal.Data;
using StudyPortal.Data.Importing;
using StudyPortal.Importer;
using StudyPortal.Web.Infrastructure.Accounts;

namespace StudyPortal.Web.Pages.Documents;

/// <summary>
/// /api/documents/{id}: the stored tree as readers see it, in the shape of `parse --json` plus each section's key;
/// /api/documents/{id}/progress: the signed-in reader's own marks in it (section key → "read" or "reading").
/// </summary>
public static class DocumentApi
{
    public static void MapDocumentApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/documents/{id:int}", async (int id, PortalDbContext db, CancellationToken cancellationToken) =>
                await StoredTree.LoadAsync(db, id, cancellationToken) is { } stored
                    ? Results.Text(ParsedDocumentJson.Serialize(stored.Document, stored.SectionKeys), "application/json; charset=utf-8")
                    : Results.NotFound())
            .RequireAuthorization(Infrastructure.Accounts.PortalPolicies.Reading);
        endpoints.MapGet("/api/documents/{id:int}/progress", async (int id, HttpContext http, Infrastructure.ReadingProgressRecorder progress, CancellationToken cancellationToken) =>
                Results.Json(await progress.InDocumentAsync(http.User.RequiredUserId(), id, cancellationToken)))
            .RequireAuthorization();
    }
}
