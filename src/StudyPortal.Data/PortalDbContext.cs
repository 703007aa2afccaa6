using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Entities;

namespace StudyPortal.Data;

/// <summary>The portal's unit of work: pages and services use it directly.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (sign-in cookies, form tokens), shared by every web node on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<Quotation> Quotations => Set<Quotation>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<ReadingProgress> ReadingProgress => Set<ReadingProgress>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UploadDraft> UploadDrafts => Set<UploadDraft>();
    public DbSet<Groups.StudyGroup> StudyGroups => Set<Groups.StudyGroup>();
    public DbSet<Groups.GroupMember> GroupMembers => Set<Groups.GroupMember>();
    public DbSet<Groups.Assignment> Assignments => Set<Groups.Assignment>();
    public DbSet<Groups.AssignmentSection> AssignmentSections => Set<Groups.AssignmentSection>();
    public DbSet<Groups.CheckIn> CheckIns => Set<Groups.CheckIn>();
    public DbSet<Groups.Notice> Notices => Set<Groups.Notice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
