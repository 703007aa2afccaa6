using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;

namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>Looks up ids and keys of the seeded library, so tests address pages as users do.</summary>
public static class Seeded
{
    public static async Task<int> DocumentIdAsync(this PortalFactory factory, string title)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.Where(d => d.Title == title).Select(d => d.Id).SingleAsync();
    }

    public static async Task<string> SectionKeyAsync(this PortalFactory factory, string documentTitle, string heading)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sections
            .Where(s => s.Document!.Title == documentTitle && s.Heading == heading).Select(s => s.Key).SingleAsync();
    }

    public static async Task<string> FirstSectionKeyAsync(this PortalFactory factory, string documentTitle, int articlePosition)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sections
            .Where(s => s.Document!.Title == documentTitle && s.Article!.Position == articlePosition).OrderBy(s => s.Position).Select(s => s.Key).FirstAsync();
    }

    public const string Booklet = "关于“网络强国”的深刻阐述";
    public const string Quotations = "习近平关于建设网络强国的讲话";
}
