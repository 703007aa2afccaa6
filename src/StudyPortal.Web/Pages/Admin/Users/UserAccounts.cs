using StudyPortal.Data.Groups;
using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StudyPortal.Data.Accounts;
using StudyPortal.Importer;
using StudyPortal.Importer.Decoding;
using StudyPortal.Web.Infrastructure;

namespace StudyPortal.Web.Pages.Admin.Users;

/// <summary>Creating accounts, one at a time or from a CSV, the same way: a user name, a display name, roles and a first password.</summary>
public sealed class UserAccounts(UserManager<PortalUser> users, Data.PortalDbContext db, TimeProvider time)
{
    /// <summary>A password to hand to a new user: 12 characters without look-alikes, always with a digit.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 8) + RandomNumberGenerator.GetString("23456789", 4);

    public async Task<(PortalUser? User, IReadOnlyList<string> Errors)> CreateAsync(string userName, string displayName, string? email, IEnumerable<string> roles, string password, bool mustChangePassword)
    {
        var user = new PortalUser
        {
            UserName = userName.Trim(),
            DisplayName = displayName.Trim(),
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            MustChangePassword = mustChangePassword,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return (null, result.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRolesAsync(user, roles.Distinct());
        return added.Succeeded ? (user, []) : (user, added.Errors.Select(e => e.Description).ToList());
    }

    public sealed record CsvRow(int Line, string UserName, string DisplayName, string? Email, string? Role, string? Group);

    public sealed record CsvResult(int Line, string UserName, string DisplayName, string? Role, bool Created, string Message, string? Password);

    /// <summary>
    /// Reads user name, display name, e-mail, role, group (a header row is recognised and skipped), in UTF-8 or GB18030 as
    /// Excel writes it, and creates each valid row. A refused row does not stop the others; each row is reported.
    /// </summary>
    public async Task<IReadOnlyList<CsvResult>> ImportCsvAsync(byte[] bytes, Func<string, string> text)
    {
        var rows = Read(bytes);
        var results = new List<CsvResult>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            string? Refuse()
            {
                if (string.IsNullOrWhiteSpace(row.UserName)) return text("Users.Csv.NoUserName");
                if (string.IsNullOrWhiteSpace(row.DisplayName)) return text("Users.Csv.NoDisplayName");
                if (!string.IsNullOrWhiteSpace(row.Role) && PortalRoles.Parse(row.Role) is null) return string.Format(CultureInfo.CurrentCulture, text("Users.Csv.BadRole"), row.Role);
                if (!seen.Add(row.UserName.Trim())) return text("Users.Csv.Repeated");
                return null;
            }
            var refusal = Refuse();
            if (refusal is null && await users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(row.UserName.Trim())))
                refusal = string.Format(CultureInfo.CurrentCulture, text("Identity.DuplicateUserName"), row.UserName.Trim());
            if (refusal is not null)
            {
                results.Add(new CsvResult(row.Line, row.UserName, row.DisplayName, row.Role, false, refusal, null));
                continue;
            }
            var role = PortalRoles.Parse(row.Role) ?? PortalRoles.Reader;
            var password = NewPassword();
            var (user, errors) = await CreateAsync(row.UserName, row.DisplayName, row.Email, [role], password, mustChangePassword: true);
            var message = user is null ? string.Join(" ", errors) : text("Users.Csv.Created");
            if (user is not null && !string.IsNullOrWhiteSpace(row.Group))
            {
                await JoinGroupAsync(user, row.Group.Trim(), role == PortalRoles.Leader);
                message += " " + string.Format(CultureInfo.CurrentCulture, text("Users.Csv.Joined"), row.Group.Trim());
            }
            results.Add(new CsvResult(row.Line, row.UserName, row.DisplayName, role, user is not null, message, user is null ? null : password));
        }
        return results;
    }

    /// <summary>Adds the user to the group of that name, creating the group when there is none; a leader leads it.</summary>
    private async Task JoinGroupAsync(PortalUser user, string groupName, bool leader)
    {
        var name = UserText.Cut(groupName, StudyGroup.NameMaxLength);
        var group = await db.StudyGroups.OrderBy(g => g.Id).FirstOrDefaultAsync(g => g.Name == name)
            ?? db.StudyGroups.Add(new Data.Groups.StudyGroup { Name = name, CreatedAtUtc = time.GetUtcNow().UtcDateTime }).Entity;
        db.GroupMembers.Add(new Data.Groups.GroupMember { Group = group, UserId = user.Id, IsLeader = leader, AddedAtUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private static List<CsvRow> Read(byte[] bytes)
    {
        string content;
        try
        {
            content = TextDecoder.Decode(bytes).Text;
        }
        catch (UnreadableDocumentException)
        {
            throw new InvalidDataException("unreadable");
        }
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t", "，"],
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(content);
        using var csv = new CsvReader(reader, configuration);
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Field(int i) => csv.Parser.Count > i ? csv.GetField(i) : null;
            var first = Field(0) ?? "";
            if (rows.Count == 0 && IsHeader(first)) continue;
            if (csv.Parser.Count == 1 && string.IsNullOrWhiteSpace(first)) continue;
            rows.Add(new CsvRow(line, first, Field(1) ?? "", Field(2), Field(3), Field(4)));
            if (rows.Count > 5000) throw new InvalidDataException("too many rows");
        }
        return rows;
    }

    private static bool IsHeader(string first) =>
        first.Trim().ToLowerInvariant() is "username" or "user name" or "user" or "用户名" or "账号" or "帐号";
}
