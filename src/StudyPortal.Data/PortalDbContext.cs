using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;
using StudyPortal.Data.Editing;
using StudyPortal.Data.Search;

namespace StudyPortal.Data;

/// <summary>The portal's unit of work: pages and services use it directly.</summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (sign-in cookies, form tokens), shared by every web node on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentEdit> DocumentEdits => Set<DocumentEdit>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<Quotation> Quotations => Set<Quotation>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<LibraryState> LibraryState => Set<LibraryState>();
    public DbSet<ReadingProgress> ReadingProgress => Set<ReadingProgress>();
    public DbSet<ReadingVisit> ReadingVisits => Set<ReadingVisit>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UploadDraft> UploadDrafts => Set<UploadDraft>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Groups.StudyGroup> StudyGroups => Set<Groups.StudyGroup>();
    public DbSet<Groups.GroupMember> GroupMembers => Set<Groups.GroupMember>();
    public DbSet<Groups.Assignment> Assignments => Set<Groups.Assignment>();
    public DbSet<Groups.AssignmentSection> AssignmentSections => Set<Groups.AssignmentSection>();
    public DbSet<Groups.CheckIn> CheckIns => Set<Groups.CheckIn>();
    public DbSet<Groups.CheckInPassage> CheckInPassages => Set<Groups.CheckInPassage>();
    public DbSet<Groups.Notice> Notices => Set<Groups.Notice>();
    public DbSet<Highlights.Highlight> Highlights => Set<Highlights.Highlight>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        if (Database.IsNpgsql()) Search.PostgresSearchIndex.ConfigureModel(builder);
    }

    /// <summary>An arbitrary constant naming PostgreSQL's advisory lock for library writes.</summary>
    private const long LibraryWriteLock = 0x5374_7564_7950_6F72;

    /// <summary>
    /// Takes the library's write lock for the current transaction: imports, deletions and index rebuilds take turns, as
    /// SQLite's single writer makes them anyway. On PostgreSQL, where several web nodes write, a transaction-scoped
    /// advisory lock; a waiting import may wait as long as the others take, not the usual command timeout.
    /// </summary>
    public async Task LockLibraryAsync(CancellationToken cancellationToken)
    {
        if (!Database.IsNpgsql()) return;
        var timeout = Database.GetCommandTimeout();
        Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LibraryWriteLock})", cancellationToken);
        }
        finally
        {
            Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Moves the library's revision; call inside the transaction that changes the library.</summary>
    public Task<int> MoveLibraryRevisionAsync(CancellationToken cancellationToken) =>
        LibraryState.Where(s => s.Id == Library.LibraryState.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision + 1), cancellationToken);
}
