using Microsoft.AspNetCore.Mvc.Localization;
using StudyPortal.Importer.Model;

namespace StudyPortal.Web.Infrastructure;

/// <summary>An importer diagnostic in the interface's language: by its code from the resources, else its English message (rows stored before diagnostics had codes).</summary>
public static class DiagnosticText
{
    public static string Of(Diagnostic diagnostic, IHtmlLocalizer localizer)
    {
        if (diagnostic.Code is null) return diagnostic.Message;
        var text = localizer.GetString("Diagnostic." + diagnostic.Code, diagnostic.Arguments.Cast<object>().ToArray());
        return text.ResourceNotFound ? diagnostic.Message : text.Value;
    }
}
