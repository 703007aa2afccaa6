using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Entities;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Configurations;

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

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.HasKey(m => new { m.GroupId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Assignment.TitleMaxLength);
        builder.Property(a => a.Message).HasMaxLength(Assignment.MessageMaxLength);
        builder.HasMany(a => a.Sections).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CheckIns).WithOne(c => c.Assignment).HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.GroupId, a.DueDate });
    }
}

public sealed class AssignmentSectionConfiguration : IEntityTypeConfiguration<AssignmentSection>
{
    public void Configure(EntityTypeBuilder<AssignmentSection> builder)
    {
        builder.HasKey(s => new { s.AssignmentId, s.SectionKey });
        builder.Property(s => s.SectionKey).HasMaxLength(Section.KeyMaxLength);
        builder.HasIndex(s => s.SectionKey);
    }
}

public sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.Reflection).HasMaxLength(CheckIn.ReflectionMaxLength);
        builder.Property(c => c.LeaderComment).HasMaxLength(CheckIn.LeaderCommentMaxLength);
        builder.HasIndex(c => new { c.AssignmentId, c.UserId }).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(Notice.KindMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notice.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notice.LinkMaxLength);
        builder.HasIndex(n => new { n.UserId, n.Kind, n.SubjectId }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
