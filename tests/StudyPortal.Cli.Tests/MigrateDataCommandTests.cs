using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Search;
using StudyPortal.Tests;

namespace StudyPortal.Cli.Tests;

/// <summary>`migrate-data` from a real SQLite portal (the seeds, a user, a group with an assignment, a check-in, progress) into a real PostgreSQL database.</summary>
public sealed class MigrateDataCommandTests
{
    [Fact]
    public async Task CopiesTheWholePortal_ToPostgreSql_AndVerifiesIt()
    {
        using var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("import", TestPaths.Seeds, "--db", cli.Database)).ExitCode);
        string userId;
        int groupId;
        string sectionKey;
        var checkedInAt = new DateTime(2026, 11, 20, 8, 30, 15, DateTimeKind.Utc);
        await using (var sqlite = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.Sqlite, PortalPaths.SqliteConnectionString(cli.Database))))
        {
            sectionKey = await sqlite.Sections.OrderBy(s => s.Id).Select(s => s.Key).FirstAsync();
            var user = new PortalUser { UserName = "zhangsan", NormalizedUserName = "ZHANGSAN", DisplayName = "张三", CreatedAtUtc = checkedInAt, SecurityStamp = "stamp" };
            user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, "Study-pass-2026");
            sqlite.Users.Add(user);
            sqlite.Roles.Add(new IdentityRole(PortalRoles.Leader) { NormalizedName = PortalRoles.Leader.ToUpperInvariant() });
            await sqlite.SaveChangesAsync();
            sqlite.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await sqlite.Roles.SingleAsync()).Id });
            var group = new StudyGroup { Name = "第一党支部学习小组", CreatedAtUtc = checkedInAt };
            group.Members.Add(new GroupMember { UserId = user.Id, IsLeader = true, AddedAtUtc = checkedInAt });
            var assignment = new Assignment { Title = "学习网络强国重要思想", DueDate = new DateOnly(2026, 12, 1), CreatedById = user.Id, CreatedAtUtc = checkedInAt, Message = "**按时**完成" };
            assignment.Sections.Add(new AssignmentSection { SectionKey = sectionKey, Position = 0, DocumentTitle = "资料", ArticleTitle = "文章", Heading = "一、" });
            assignment.CheckIns.Add(new CheckIn { UserId = user.Id, Reflection = "学习体会：网络安全是国家安全的重要组成部分。", CheckedInAtUtc = checkedInAt, UpdatedAtUtc = checkedInAt });
            group.Assignments.Add(assignment);
            sqlite.StudyGroups.Add(group);
            sqlite.ReadingProgress.Add(new ReadingProgress { UserId = user.Id, SectionKey = sectionKey, OpenedAtUtc = checkedInAt, LastReadAtUtc = checkedInAt, CompletedAtUtc = checkedInAt, LastParagraph = 3 });
            sqlite.AuditEntries.Add(new AuditEntry { AtUtc = checkedInAt, UserName = "admin", Action = "user.create", Subject = "zhangsan" });
            await sqlite.SaveChangesAsync();
            userId = user.Id;
            groupId = group.Id;
        }

        var target = TestPostgres.CreateDatabase();
        try
        {
            var (code, output, error) = await cli.RunAsync("migrate-data", "--to", target, "--db", cli.Database);
            Assert.True(code == 0, output + error);
            Assert.Contains("verified:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);

            await using var sqlite = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.Sqlite, PortalPaths.SqliteConnectionString(cli.Database)));
            await using var pg = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.PostgreSQL, target));
            Assert.Equal(await sqlite.Documents.CountAsync(), await pg.Documents.CountAsync());
            Assert.Equal(await sqlite.Paragraphs.CountAsync(), await pg.Paragraphs.CountAsync());
            Assert.Equal(await sqlite.Quotations.CountAsync(), await pg.Quotations.CountAsync());
            Assert.Equal(
                await sqlite.DocumentFiles.OrderBy(f => f.DocumentId).Select(f => f.Content).ToListAsync(),
                await pg.DocumentFiles.OrderBy(f => f.DocumentId).Select(f => f.Content).ToListAsync());
            var copied = await pg.Users.SingleAsync(u => u.Id == userId);
            Assert.Equal("张三", copied.DisplayName);
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<PortalUser>().VerifyHashedPassword(copied, copied.PasswordHash!, "Study-pass-2026"));
            Assert.Equal(PortalRoles.Leader, await pg.UserRoles.Where(r => r.UserId == userId).Join(pg.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync());
            var checkIn = await pg.CheckIns.Include(c => c.Assignment).ThenInclude(a => a!.Sections).SingleAsync();
            Assert.Equal(groupId, checkIn.Assignment!.GroupId);
            Assert.Equal(new DateOnly(2026, 12, 1), checkIn.Assignment.DueDate);
            Assert.Equal(checkedInAt, checkIn.CheckedInAtUtc);
            Assert.Equal(sectionKey, checkIn.Assignment.Sections.Single().SectionKey);
            Assert.Equal(3, (await pg.ReadingProgress.SingleAsync()).LastParagraph);

            // New rows continue after the copied ids, and search works on the copy.
            pg.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "admin", Action = "test", Subject = "after the copy" });
            await pg.SaveChangesAsync();
            var results = await new PostgresSearchIndex(pg).SearchAsync(new SearchRequest("网络安全"), CancellationToken.None);
            var expected = await new SqliteSearchIndex(sqlite).SearchAsync(new SearchRequest("网络安全"), CancellationToken.None);
            Assert.True(results.TotalHits > 0);
            Assert.Equal(expected.TotalHits, results.TotalHits);

            // A second copy into the same (no longer empty) database is refused and changes nothing.
            var documents = await pg.Documents.CountAsync();
            (code, _, error) = await cli.RunAsync("migrate-data", "--to", target, "--db", cli.Database);
            Assert.Equal(1, code);
            Assert.Contains("not empty", error, StringComparison.Ordinal);
            Assert.Equal(documents, await pg.Documents.CountAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(target);
        }
    }
}
