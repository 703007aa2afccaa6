using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;
using StudyPortal.Data.Library;

namespace StudyPortal.Data.Highlights;

public sealed class HighlightConfiguration : IEntityTypeConfiguration<Highlight>
{
    public void Configure(EntityTypeBuilder<Highlight> builder)
    {
        builder.Property(h => h.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.Property(h => h.Exact).HasMaxLength(Highlight.ExactMaxLength);
        builder.Property(h => h.Prefix).HasMaxLength(TextQuote.ContextLength);
        builder.Property(h => h.Suffix).HasMaxLength(TextQuote.ContextLength);
        builder.Property(h => h.Note).HasMaxLength(Highlight.NoteMaxLength);
        builder.Property(h => h.Color).HasConversion<string>().HasMaxLength(10);
        // The reader asks for one section's highlights: the owner's, and those shared with the reader's groups.
        builder.HasIndex(h => new { h.SectionKey, h.UserId });
        builder.HasIndex(h => new { h.SectionKey, h.GroupId });
        builder.HasIndex(h => new { h.UserId, h.CreatedAtUtc });
        builder.HasIndex(h => h.DocumentId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Document>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StudyGroup>().WithMany().HasForeignKey(h => h.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Assignment>().WithMany().HasForeignKey(h => h.AssignmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
