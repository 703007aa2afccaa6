using StudyPortal.Importer.Model;

namespace StudyPortal.Importer.Editing;

/// <summary>
/// The rules of each correction. Every check runs before anything changes, so a refused edit leaves the tree whole.
/// A paragraph is found by its position and must still have the text the edit was made against; on a replay after a
/// re-import the text is looked for in the section if the position moved, and an edit whose text is gone is refused.
/// </summary>
internal static class StructureEditor
{
    public static EditChange Apply(EditableDocument document, StructureEdit edit) => edit.Kind switch
    {
        EditKind.Metadata => Metadata(document, edit),
        EditKind.RenameArticle => RenameArticle(document, edit),
        EditKind.RenameSection => RenameSection(document, edit),
        EditKind.SplitSection => Split(document, edit, EditText.Heading(edit.Text), removeParagraph: false),
        EditKind.ParagraphToHeading => ParagraphToHeading(document, edit),
        EditKind.HeadingToParagraph => HeadingToParagraph(document, edit),
        EditKind.MergeSection => MergeSection(document, edit),
        EditKind.MoveSection => MoveSection(document, edit),
        EditKind.SplitArticle => SplitArticle(document, edit),
        EditKind.MergeArticle => MergeArticle(document, edit),
        EditKind.DeleteParagraph => DeleteParagraph(document, edit),
        EditKind.RestoreParagraph => RestoreParagraph(document, edit),
        EditKind.EditParagraph => EditParagraph(document, edit),
        EditKind.MarkQuotation => MarkQuotation(document, edit),
        EditKind.UnmarkQuotation => UnmarkQuotation(document, edit),
        EditKind.EditQuotation => EditQuotation(document, edit),
        _ => throw new StructureEditException("Unknown", $"Unknown edit {edit.Kind}."),
    };

    private static EditChange Metadata(EditableDocument document, StructureEdit edit)
    {
        var title = EditText.Heading(edit.Text);
        var date = EditText.Date(edit.Date);
        var series = EditText.Optional(edit.Series);
        var issuer = EditText.Optional(edit.Issuer);
        var before = Describe(document.Title, document.Series, document.Issuer, document.Date);
        (document.Title, document.Series, document.Issuer, document.Date) = (title, series, issuer, date);
        return new EditChange(before, Describe(title, series, issuer, date), null);

        static string Describe(params string?[] values) => string.Join(" · ", values.Where(v => !string.IsNullOrEmpty(v)));
    }

    private static EditChange RenameArticle(EditableDocument document, StructureEdit edit)
    {
        var title = EditText.Heading(edit.Text);
        var article = Article(document, edit);
        var before = article.Title;
        article.Title = title;
        return new EditChange(before, title, article.Sections.FirstOrDefault()?.Key);
    }

    private static EditChange RenameSection(EditableDocument document, StructureEdit edit)
    {
        var heading = EditText.Heading(edit.Text);
        var (_, _, section, _) = document.Find(edit.Section);
        var before = section.Heading;
        section.Heading = heading;
        return new EditChange(before, heading, section.Key);
    }

    /// <summary>A new section starts at the paragraph; its heading is the one typed, or the paragraph itself.</summary>
    private static EditChange Split(EditableDocument document, StructureEdit edit, string? heading, bool removeParagraph)
    {
        var (article, _, section, sectionIndex) = document.Find(edit.Section);
        var at = ParagraphIndex(section, edit);
        if (at == 0) throw new StructureEditException("SplitAtFirst", "A section cannot be split at its first paragraph.");
        var paragraphs = section.Paragraphs.Skip(at).ToList();
        heading ??= EditText.Heading(paragraphs[0].Text.Length > EditableDocument.MaxHeadingLength ? null : paragraphs[0].Text);
        if (removeParagraph) paragraphs.RemoveAt(0);
        var created = new EditableDocument.Section
        {
            Key = document.UniqueKey($"{section.Key}\n{heading}"), Heading = heading, Level = Math.Max(1, section.Level),
            Line = section.Paragraphs[at].FirstLine, Paragraphs = paragraphs,
        };
        section.Paragraphs.RemoveRange(at, section.Paragraphs.Count - at);
        article.Sections.Insert(sectionIndex + 1, created);
        return new EditChange(section.Heading, $"{section.Heading} | {heading}", created.Key);
    }

    /// <summary>The first paragraph of an untitled section becomes its heading; any other starts a new section.</summary>
    private static EditChange ParagraphToHeading(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var at = ParagraphIndex(section, edit);
        if (at > 0) return Split(document, edit, null, removeParagraph: true);
        if (section.Heading.Length > 0) throw new StructureEditException("SplitAtFirst", "The first paragraph of a titled section cannot start a new section.");
        var heading = EditText.Heading(section.Paragraphs[0].Text.Length > EditableDocument.MaxHeadingLength ? null : section.Paragraphs[0].Text);
        section.Paragraphs.RemoveAt(0);
        section.Heading = heading;
        section.Level = Math.Max(1, section.Level);
        return new EditChange("", heading, section.Key);
    }

    /// <summary>The heading becomes the section's first paragraph, and the section joins the one before it in its article.</summary>
    private static EditChange HeadingToParagraph(EditableDocument document, StructureEdit edit)
    {
        var (article, _, section, sectionIndex) = document.Find(edit.Section);
        if (section.Heading.Length == 0) throw new StructureEditException("NoHeading", "The section has no heading to turn into a paragraph.");
        var heading = section.Heading;
        section.Paragraphs.Insert(0, new EditableDocument.Paragraph { Text = heading, Kind = ParagraphKind.Body, FirstLine = section.Line, LastLine = section.Line });
        section.Heading = "";
        if (sectionIndex == 0) return new EditChange(heading, "", section.Key);
        var previous = article.Sections[sectionIndex - 1];
        previous.Paragraphs.AddRange(section.Paragraphs);
        article.Sections.RemoveAt(sectionIndex);
        return new EditChange(heading, "", previous.Key);
    }

    private static EditChange MergeSection(EditableDocument document, StructureEdit edit)
    {
        var (article, _, section, sectionIndex) = document.Find(edit.Section);
        if (sectionIndex == 0) throw new StructureEditException("NothingBefore", "The first section of an article has no section before it to merge into.");
        var previous = article.Sections[sectionIndex - 1];
        previous.Paragraphs.AddRange(section.Paragraphs);
        article.Sections.RemoveAt(sectionIndex);
        return new EditChange($"{previous.Heading} | {section.Heading}", previous.Heading, previous.Key);
    }

    /// <summary>Into an earlier article the section goes last, into a later one first, so the reading order stays near where it was.</summary>
    private static EditChange MoveSection(EditableDocument document, StructureEdit edit)
    {
        var (article, articleIndex, section, sectionIndex) = document.Find(edit.Section);
        if (edit.TargetArticle is not int target || target < 0 || target >= document.Articles.Count || target == articleIndex)
            throw new StructureEditException("NoSuchArticle", "Choose another article to move the section into.");
        article.Sections.RemoveAt(sectionIndex);
        var destination = document.Articles[target];
        destination.Sections.Insert(target < articleIndex ? destination.Sections.Count : 0, section);
        var from = article.Title;
        // An article left without sections is gone: it has nothing to read.
        if (article.Sections.Count == 0) document.Articles.RemoveAt(articleIndex);
        return new EditChange(from, destination.Title, section.Key);
    }

    private static EditChange SplitArticle(EditableDocument document, StructureEdit edit)
    {
        var (article, articleIndex, section, sectionIndex) = document.Find(edit.Section);
        if (sectionIndex == 0) throw new StructureEditException("SplitAtFirst", "An article cannot be split at its first section.");
        var title = EditText.Heading(string.IsNullOrWhiteSpace(edit.Text) ? section.Heading : edit.Text);
        var created = new EditableDocument.Article { Title = title, Sections = article.Sections.Skip(sectionIndex).ToList() };
        article.Sections.RemoveRange(sectionIndex, article.Sections.Count - sectionIndex);
        document.Articles.Insert(articleIndex + 1, created);
        return new EditChange(article.Title, $"{article.Title} | {title}", section.Key);
    }

    private static EditChange MergeArticle(EditableDocument document, StructureEdit edit)
    {
        var article = Article(document, edit);
        var index = document.Articles.IndexOf(article);
        if (index == 0) throw new StructureEditException("NothingBefore", "The first article has no article before it to merge into.");
        var previous = document.Articles[index - 1];
        previous.Sections.AddRange(article.Sections);
        document.Articles.RemoveAt(index);
        return new EditChange($"{previous.Title} | {article.Title}", previous.Title, article.Sections.FirstOrDefault()?.Key);
    }

    private static EditChange DeleteParagraph(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var at = ParagraphIndex(section, edit);
        var text = section.Paragraphs[at].Text;
        section.Paragraphs.RemoveAt(at);
        return new EditChange(text, "", section.Key);
    }

    /// <summary>Puts a deleted paragraph back where it was (or at the end, if the section has fewer paragraphs now).</summary>
    private static EditChange RestoreParagraph(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var text = EditText.ParagraphText(edit.Text);
        var at = Math.Clamp(edit.Paragraph ?? section.Paragraphs.Count, 0, section.Paragraphs.Count);
        section.Paragraphs.Insert(at, new EditableDocument.Paragraph { Text = text, Kind = edit.ParagraphKind ?? ParagraphKind.Body });
        return new EditChange("", text, section.Key);
    }

    private static EditChange EditParagraph(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var at = ParagraphIndex(section, edit);
        var text = EditText.ParagraphText(edit.Text);
        var paragraph = section.Paragraphs[at];
        var before = paragraph.Text;
        // A quotation that was the whole paragraph follows its words; one quoted inside the paragraph keeps its own.
        foreach (var q in paragraph.Quotations.Where(q => q.Text == before)) q.Text = text;
        paragraph.Text = text;
        // The edited words are plain text: the source's inline emphasis no longer lines up with them.
        paragraph.Markdown = null;
        return new EditChange(before, text, section.Key);
    }

    private static EditChange MarkQuotation(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var paragraph = section.Paragraphs[ParagraphIndex(section, edit)];
        if (paragraph.Quotations.Count > 0) throw new StructureEditException("AlreadyQuotation", "The paragraph is already a quotation.");
        var quotation = new EditableDocument.Quotation { Text = paragraph.Text };
        Attribute(quotation, edit);
        paragraph.Quotations.Add(quotation);
        if (paragraph.Kind == ParagraphKind.Body) paragraph.Kind = ParagraphKind.Quotation;
        return new EditChange("", Describe(quotation), section.Key);
    }

    private static EditChange UnmarkQuotation(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var paragraph = section.Paragraphs[ParagraphIndex(section, edit)];
        if (paragraph.Quotations.Count == 0) throw new StructureEditException("NotQuotation", "The paragraph holds no quotation.");
        var before = Describe(paragraph.Quotations[0]);
        paragraph.Quotations.Clear();
        if (paragraph.Kind == ParagraphKind.Quotation) paragraph.Kind = ParagraphKind.Body;
        return new EditChange(before, "", section.Key);
    }

    private static EditChange EditQuotation(EditableDocument document, StructureEdit edit)
    {
        var (_, _, section, _) = document.Find(edit.Section);
        var paragraph = section.Paragraphs[ParagraphIndex(section, edit)];
        if (paragraph.Quotations.Count == 0) throw new StructureEditException("NotQuotation", "The paragraph holds no quotation.");
        var quotation = paragraph.Quotations[0];
        var before = Describe(quotation);
        Attribute(quotation, edit);
        return new EditChange(before, Describe(quotation), section.Key);
    }

    private static void Attribute(EditableDocument.Quotation quotation, StructureEdit edit)
    {
        var date = EditText.Date(edit.Date);
        quotation.Speaker = EditText.Optional(edit.Speaker);
        quotation.Occasion = EditText.Optional(edit.Occasion);
        if (quotation.Date != date) quotation.DateEnd = null;
        quotation.Date = date;
    }

    private static string Describe(EditableDocument.Quotation q) =>
        string.Join(" · ", new[] { q.Speaker, q.Date, q.Occasion }.Where(v => !string.IsNullOrEmpty(v))) is { Length: > 0 } attribution
            ? $"{EditChange.Cut(q.Text, 60)}（{attribution}）" : EditChange.Cut(q.Text, 60);


    private static EditableDocument.Article Article(EditableDocument document, StructureEdit edit)
    {
        if (edit.Article is int index && index >= 0 && index < document.Articles.Count
            && (edit.Expected is null || document.Articles[index].Title == edit.Expected))
            return document.Articles[index];
        return document.Articles.FirstOrDefault(a => edit.Expected is not null && a.Title == edit.Expected)
            ?? throw new StructureEditException("ArticleGone", "The article is no longer there.");
    }

    /// <summary>The paragraph's position, checked against the text the edit was made on (looked for nearby if it moved).</summary>
    private static int ParagraphIndex(EditableDocument.Section section, StructureEdit edit)
    {
        if (edit.Paragraph is int at && at >= 0 && at < section.Paragraphs.Count && (edit.Expected is null || section.Paragraphs[at].Text == edit.Expected)) return at;
        var found = edit.Expected is null ? -1 : section.Paragraphs.FindIndex(p => p.Text == edit.Expected);
        return found >= 0 ? found : throw new StructureEditException("ParagraphGone", "The paragraph is no longer there, or its text has changed.");
    }
}
