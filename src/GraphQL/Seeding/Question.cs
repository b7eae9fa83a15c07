namespace Cases.GraphQL.Seeding;

/// <summary>A request for information and whether the citizen answers it (an unanswered one is left for the scheduler to expire).</summary>
internal enum Question { None, Answered, Unanswered }
