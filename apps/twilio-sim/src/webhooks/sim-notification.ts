/** Error and warning codes Twilio reports in its debugger, as the stand-in uses them. */
export const TWILIO_ERROR = {
  invalidUrl: 11100,
  httpRetrievalFailure: 11200,
  httpConnectionFailure: 11205,
  documentParseFailure: 12100,
  schemaValidation: 12200,
  invalidContentType: 12300,
} as const;

export interface SimNotification {
  code: number;
  message: string;
  level: 'error' | 'warning';
  at: Date;
  callSid?: string;
  url?: string;
}

/** What Twilio would show in the console's debugger: every error the application caused. */
export class NotificationLog {
  private readonly entries: SimNotification[] = [];

  add(entry: SimNotification): void {
    this.entries.push(entry);
  }

  list(callSid?: string): SimNotification[] {
    return callSid ? this.entries.filter((n) => n.callSid === callSid) : [...this.entries];
  }
}

/** A failure the application is to blame for, carrying the Twilio error code to report. */
export class TwilioFault extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly url?: string,
  ) {
    super(message);
  }
}
