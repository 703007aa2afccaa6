using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyPortal.Data;
using StudyPortal.Data.Accounts;
using StudyPortal.Web.Tests.Infrastructure;

namespace StudyPortal.Web.Tests.Security;

/// <summary>
/// Every endpoint of the app, read from its endpoint data source (not a hand list), is tried by an anonymous visitor, a
/// reader, a leader and an admin. A page added later without a rule of its own fails here.
/// </summary>
[Collection(SecuredPortalCollection.Name)]
public sealed class EndpointAuthorizationTests(SecuredPortalFactory factory)
{
    private enum Access { Anyone, SignedIn, Leader, Admin }

    /// <summary>Who should get in, by address: the portal's access rules written out independently of the code.</summary>
    private static Access Expected(string pattern) => pattern switch
    {
        var p when p.StartsWith("admin", StringComparison.Ordinal) => Access.Admin,
        "account/signin" or "healthz" or "healthz/ready" => Access.Anyone,
        var p when p.StartsWith("settings/", StringComparison.Ordinal) || p.StartsWith("Error", StringComparison.Ordinal) => Access.Anyone,
        var p when p.StartsWith("leader", StringComparison.Ordinal) => Access.Leader,
        _ => Access.SignedIn,
    };

    private static IReadOnlyList<RouteEndpoint> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .GroupBy(e => e.RoutePattern.RawText).Select(g => g.First()).ToList();

    [Fact]
    public void EveryEndpoint_DeclaresWhoMayUseIt()
    {
        var endpoints = Endpoints(factory.Services);
        Assert.True(endpoints.Count > 15, $"only {endpoints.Count} endpoints found");
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachRoleAsItShould()
    {
        var values = await RouteValuesAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = factory.CreateRawClient(),
            [PortalRoles.Reader] = await factory.SignedInAsync(PortalRoles.Reader),
            [PortalRoles.Leader] = await factory.SignedInAsync(PortalRoles.Leader),
            [PortalRoles.Admin] = await factory.AdminClientAsync(),
        };
        var failures = new List<string>();
        foreach (var endpoint in Endpoints(factory.Services))
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            var url = "/" + Fill(pattern, values);
            var access = Expected(pattern);
            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var status = response.StatusCode;
                var toSignIn = status == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/signin", StringComparison.Ordinal)
                    || status == HttpStatusCode.Unauthorized;
                var allowed = access switch
                {
                    Access.Anyone => true,
                    Access.SignedIn => who != "anonymous",
                    Access.Leader => who is PortalRoles.Leader or PortalRoles.Admin,
                    _ => who == PortalRoles.Admin,
                };
                bool ok;
                if (allowed) ok = !toSignIn && status != HttpStatusCode.Forbidden && (int)status < 500;
                else if (who == "anonymous") ok = toSignIn;
                else ok = status == HttpStatusCode.Forbidden;
                if (!ok) failures.Add($"{who} GET {url}: {(int)status} (expected {(allowed ? "allowed" : who == "anonymous" ? "sign-in" : "403")})");
            }
        }
        Assert.Empty(failures);
    }

    private static string Fill(string pattern, IReadOnlyDictionary<string, string> values)
    {
        var parsed = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(pattern);
        var url = pattern;
        foreach (var parameter in parsed.Parameters)
        {
            var token = pattern[pattern.IndexOf("{" + parameter.Name, StringComparison.Ordinal)..];
            token = token[..(token.IndexOf('}', StringComparison.Ordinal) + 1)];
            var key = pattern.StartsWith("admin/users", StringComparison.Ordinal) && parameter.Name == "id" ? "userId"
                : pattern.StartsWith("admin/upload", StringComparison.Ordinal) ? "draftId"
                : parameter.Name;
            url = url.Replace(token, parameter.IsOptional && !values.ContainsKey(key) ? "" : values[key], StringComparison.Ordinal);
        }
        return url.TrimEnd('/');
    }

    private async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var article = await db.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.DocumentId, Key = a.Sections.OrderBy(s => s.Position).Select(s => s.Key).First() }).FirstAsync();
        var quotation = await db.Quotations.OrderBy(q => q.Id).Select(q => q.Id).FirstAsync();
        var user = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["id"] = article.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["articleId"] = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["key"] = article.Key,
            ["quotationId"] = quotation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["userId"] = user,
            ["draftId"] = Guid.NewGuid().ToString(),
            ["code"] = "404",
        };
    }
}
