namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>graphql-transport-ws's close codes (graphql-ws PROTOCOL.md, its <c>CloseCode</c> enum).</summary>
public static class CloseCodes
{
    public const int InternalServerError = 4500;
    public const int InternalClientError = 4005;
    public const int BadRequest = 4400;
    public const int BadResponse = 4004;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitialisationTimeout = 4408;
    public const int ConnectionAcknowledgementTimeout = 4504;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
}
