using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Library;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Groups;

public sealed class AssignmentSectionConfiguration : IEntityTypeConfiguration<AssignmentSection>
{
    public void Configure(EntityTypeBuilder<AssignmentSection> builder)
    {
        builder.HasKey(s => new { s.AssignmentId, s.SectionKey });
        builder.Property(s => s.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.HasIndex(s => s.SectionKey);
    }
}
