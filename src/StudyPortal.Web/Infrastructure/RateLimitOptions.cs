using StudyPortal.Data;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StudyPortal.Web.Infrastructure;

/// <summary>Requests per minute per client (the signed-in user, else the address): bound from <c>Portal:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Portal:RateLimits";

    /// <summary>Sign-in attempts (POSTs) per address; the lockout protects each account on top of this.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SearchPerMinute { get; set; } = 120;

    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int UploadPerMinute { get; set; } = 20;
}
