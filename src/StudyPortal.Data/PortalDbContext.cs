using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Entities;

namespace StudyPortal.Data;

/// <summary>The portal's unit of work: pages and services use it directly.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<Quotation> Quotations => Set<Quotation>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
