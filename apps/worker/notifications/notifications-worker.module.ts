import { Module } from '@nestjs/common';
import { MailDeliveryService } from './mail-delivery.service';

/** Worker-side notifications: the outbox delivery loop (mail, digests, event notices). */
@Module({ providers: [MailDeliveryService] })
export class NotificationsWorkerModule {}
