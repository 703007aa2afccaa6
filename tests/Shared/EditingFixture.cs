namespace StudyPortal.Tests;

/// <summary>The small booklet the structure editor's tests correct: two articles, three sections, known paragraphs.</summary>
public static class EditingFixture
{
    /// <param name="withNoise">Adds a fourth paragraph to the first section, a page header left by extraction, for deleting.</param>
    public static string Markdown(string title, bool withNoise = false) => $"""
        # {title}

        ## 第一篇 改革开放

        ### 一、总体要求

        第一段，关于改革的总体要求，必须坚定不移。

        第二段，继续阐述要求，推进各项工作。

        第三段，要坚持以人民为中心的发展思想。
        {(withNoise ? "\n第四段，页眉噪声第4页。\n" : "")}
        ### 二、主要任务

        任务段落一，深化重点领域改革。

        任务段落二，扩大高水平对外开放。

        ## 第二篇 高质量发展

        ### 三、发展目标

        发展段落，推动经济实现质的有效提升和量的合理增长。
        """;
}
