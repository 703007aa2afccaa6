namespace StudyPortal.Web.Tests.Infrastructure;

/// <summary>Reports reading progress as the reader page's script does: the page, the form token from /api/me, then the handler.</summary>
public static class Reading
{
    public static async Task<HttpResponseMessage> ReportAsync(this HttpClient client, string key, int paragraph, bool completed, bool withToken = true, bool opened = false)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/read/" + key, UriKind.Relative))).StatusCode);
        var token = await client.FormTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/read/{key}?handler=Progress", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["paragraph"] = paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture), ["completed"] = completed ? "true" : "false", ["opened"] = opened ? "true" : "false" }),
        };
        if (withToken) request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }


    /// <summary>Every given section opened and read to its end.</summary>
    public static async Task ReadToTheEndAsync(this HttpClient client, IEnumerable<string> keys)
    {
        foreach (var key in keys) Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.ReportAsync(key, 99, completed: true)).StatusCode);
    }
}
