using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>
/// Server-side sign-in sessions (<see cref="UserSession"/>): the cookie holds a random key, the ticket stays in the
/// database. Sign-out, an admin disabling the account or resetting its password, and "sign out everywhere" delete
/// the rows, so a copied cookie is refused at once on this node. Each node keeps a ticket in memory for at most
/// <see cref="CacheFor"/>, so a request costs no database read; another node notices an ended session within that time.
/// </summary>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, IMemoryCache cache, IHttpContextAccessor http, TimeProvider time) : ITicketStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Mark(ticket, key);
        var request = http.HttpContext?.Request;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = key, UserId = ticket.Principal.UserId() ?? "", Ticket = Serializer.Serialize(ticket),
            CreatedAtUtc = Now, LastSeenAtUtc = Now, ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
            UserAgent = UserText.Cut(request?.Headers.UserAgent.ToString() ?? "", UserSession.UserAgentMaxLength),
            Address = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        // Expired sessions of the same person go when they sign in again.
        var userId = ticket.Principal.UserId();
        try
        {
            await db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAtUtc < Now).ExecuteDeleteAsync();
            await db.SaveChangesAsync();
            Remember(key, ticket);
        }
        catch (Exception ex) when (DatabaseErrors.IsUnwritable(ex))
        {
            // A database that cannot be written (full, read-only) still lets people sign in and read: the session is
            // kept in this node's memory only, until it expires or the node restarts.
            cache.Set(CacheKey(key), ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddHours(8) });
        }
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Mark(ticket, key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var bytes = Serializer.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var now = Now;
        try
        {
            // A session ended meanwhile (signed out elsewhere) stays ended: nothing is updated, and the next read finds nothing.
            if (await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAtUtc, expires).SetProperty(x => x.LastSeenAtUtc, now)) > 0)
                Remember(key, ticket);
        }
        catch (Exception ex) when (DatabaseErrors.IsUnwritable(ex))
        {
            // The stored ticket stays as it was; the session goes on.
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (cache.TryGetValue(CacheKey(key), out AuthenticationTicket? cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var bytes = await db.UserSessions.AsNoTracking().Where(s => s.Id == key && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > Now)).Select(s => s.Ticket).FirstOrDefaultAsync();
        var ticket = bytes is null ? null : Serializer.Deserialize(bytes);
        if (ticket is not null) Remember(key, ticket);
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        cache.Remove(CacheKey(key));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Read first: a session kept in memory only (database not writable) has no row, and the delete would fail.
        if (await db.UserSessions.AnyAsync(s => s.Id == key)) await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of the user (sign out everywhere, account disabled, password reset).</summary>
    public async Task EndAllAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var key in await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync()) cache.Remove(CacheKey(key));
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
    }

    /// <summary>The key of the session a request is signed in with.</summary>
    public static string? KeyOf(ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    private const string SessionClaim = "session";

    /// <summary>The stored ticket names its own session, so a page can tell "this device" (kept through renewals).</summary>
    private static void Mark(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.Identity is not ClaimsIdentity identity || identity.HasClaim(SessionClaim, key)) return;
        foreach (var old in identity.FindAll(SessionClaim).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(SessionClaim, key));
    }

    private void Remember(string key, AuthenticationTicket ticket) =>
        cache.Set(CacheKey(key), ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor });

    private static string CacheKey(string key) => "session:" + key;
}
