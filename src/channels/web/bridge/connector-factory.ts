import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';

/**
 * Replies within a web turn go to Tulay's own connector endpoint, which authenticates by the
 * unguessable key in its URL; an AAD token would only add a network round trip (and fail offline).
 */
class LocalConnectorFactory extends ConnectorFactory {
  create(serviceUrl: string): Promise<ConnectorClient> {
    return Promise.resolve(new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl }));
  }
}

/**
 * What CloudAdapter would have produced had the activity come from a Bot Framework channel: an
 * anonymous identity when the bot has no app id, else one whose audience is the bot's app id
 * (CloudAdapter derives the app id for its user-token client from that claim).
 */
export function authenticateResult(
  botAppId: string | undefined,
  serviceUrl: string,
): AuthenticateRequestResult {
  const claimsIdentity = botAppId
    ? new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: botAppId },
          { type: AuthenticationConstants.ServiceUrlClaim, value: serviceUrl },
        ],
        true,
      )
    : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  return {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity,
    connectorFactory: new LocalConnectorFactory(),
  };
}
