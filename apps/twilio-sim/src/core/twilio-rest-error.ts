/** An error the REST API answers with, carrying Twilio's code and HTTP status. */
export class TwilioRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  static notFound(uri: string): TwilioRestError {
    return new TwilioRestError(404, 20404, `The requested resource ${uri} was not found`);
  }

  static missing(parameter: string): TwilioRestError {
    return new TwilioRestError(400, 21201, `Missing required parameter ${parameter} in the post body`);
  }

  static invalid(parameter: string, value: string): TwilioRestError {
    return new TwilioRestError(400, 21201, `Invalid parameter ${parameter}: ${value}`);
  }

  static notInProgress(): TwilioRestError {
    return new TwilioRestError(400, 21220, 'Call is not in-progress. Cannot redirect.');
  }
}
