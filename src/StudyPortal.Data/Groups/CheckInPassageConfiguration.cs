using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Highlights;
using StudyPortal.Data.Library;

namespace StudyPortal.Data.Groups;

public sealed class CheckInPassageConfiguration : IEntityTypeConfiguration<CheckInPassage>
{
    public void Configure(EntityTypeBuilder<CheckInPassage> builder)
    {
        builder.Property(p => p.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.Property(p => p.Exact).HasMaxLength(Highlight.ExactMaxLength);
        builder.Property(p => p.Note).HasMaxLength(Highlight.NoteMaxLength);
        builder.HasOne<CheckIn>().WithMany(c => c.Passages).HasForeignKey(p => p.CheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Highlight>().WithMany().HasForeignKey(p => p.HighlightId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.CheckInId, p.Position });
    }
}
