import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** A customer on a channel: sends activities to POST /api/messages like a connector would. */
export class Customer {
  readonly conversationId: string;

  constructor(
    private readonly appUrl: string,
    private readonly serviceUrl: string,
    readonly options: { channelId?: string; name?: string; locale?: string; conversationId?: string } = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
  }

  async send(activity: Partial<Activity>): Promise<Response> {
    const teams = this.options.channelId === 'msteams';
    const body: Partial<Activity> = {
      type: 'message',
      id: `in-${randomUUID()}`,
      channelId: this.options.channelId ?? 'webchat',
      serviceUrl: this.serviceUrl,
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: {
        id: `user-${this.conversationId}`,
        name: this.options.name ?? 'Ana Cruz',
        // Teams always says which directory user is writing, and in which tenant.
        ...(teams ? { aadObjectId: `aad-${this.conversationId}` } : {}),
      },
      ...(teams ? { channelData: { tenant: { id: 'tenant-test' } } } : {}),
      recipient: { id: 'tulay-bot', name: 'Tulay' },
      locale: this.options.locale ?? 'en-US',
      timestamp: new Date(),
      ...activity,
    };
    const res = await fetch(`${this.appUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status >= 400)
      throw new Error(`Customer: /api/messages answered ${res.status}: ${await res.text()}`);
    return res;
  }

  say(text: string): Promise<Response> {
    return this.send({ text });
  }

  submit(value: Record<string, unknown>): Promise<Response> {
    return this.send({ value });
  }
}
