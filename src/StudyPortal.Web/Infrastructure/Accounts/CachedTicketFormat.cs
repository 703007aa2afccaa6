using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace StudyPortal.Web.Infrastructure.Accounts;

/// <summary>
/// The sign-in cookie, decrypted once per node and cookie for <see cref="SessionTicketStore.CacheFor"/>: data
/// protection derives keys and checks a MAC for every cookie it opens, which was a third of a signed-in request's
/// time. Only cookies that decrypted are kept, so made-up cookies cannot fill the cache. What the cookie holds is only
/// the session's key: whether the session still stands is asked of <see cref="SessionTicketStore"/> on every request,
/// so signing out ends a copied cookie as before.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, IMemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        var key = new CacheKey(protectedText, purpose);
        if (cache.TryGetValue(key, out AuthenticationTicket? ticket)) return ticket;
        ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
            cache.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = SessionTicketStore.CacheFor });
        return ticket;
    }

    private readonly record struct CacheKey(string ProtectedText, string? Purpose);
}
