using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Groups;

public sealed class StudyGroupConfiguration : IEntityTypeConfiguration<StudyGroup>
{
    public void Configure(EntityTypeBuilder<StudyGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(StudyGroup.NameMaxLength);
        builder.Property(g => g.Description).HasMaxLength(StudyGroup.DescriptionMaxLength);
        builder.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Assignments).WithOne(a => a.Group).HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
