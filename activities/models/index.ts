import mongoose, { type Connection } from 'mongoose';
import { accountModel, type AccountModel } from './account.model';
import { assessmentModel, unitPredicateModel, type AssessmentModel, type UnitPredicateModel } from './assessment.model';
import { auditEventModel, type AuditEventModel } from './audit-event.model';
import { commentModel, type CommentModel } from './comment.model';
import { cycleModel, type CycleModel } from './cycle.model';
import { cycleCatalogueModel, type CycleCatalogueModel } from './cycle-catalogue.model';
import { digestItemModel, type DigestItemModel } from './digest-item.model';
import { lkeTemplateModel, type LkeTemplateModel } from './lke-template.model';
import { monevReviewModel, type MonevReviewModel } from './monev-review.model';
import { notificationModel, type NotificationModel } from './notification.model';
import { oneTimeTokenModel, type OneTimeTokenModel } from './one-time-token.model';
import { sessionModel, type SessionModel } from './session.model';
import { substitutionModel, type SubstitutionModel } from './substitution.model';
import { taskModel, type TaskModel } from './task.model';
import { tokenRequestModel, type TokenRequestModel } from './token-request.model';
import { unitKerjaModel, type UnitKerjaModel } from './unit-kerja.model';
import { unitProgressModel, type UnitProgressModel } from './unit-progress.model';

export interface Models {
  Cycle: CycleModel;
  CycleCatalogue: CycleCatalogueModel;
  Notification: NotificationModel;
  Task: TaskModel;
  AuditEvent: AuditEventModel;
  UnitProgress: UnitProgressModel;
  MonevReview: MonevReviewModel;
  DigestItem: DigestItemModel;
  Account: AccountModel;
  Session: SessionModel;
  OneTimeToken: OneTimeTokenModel;
  TokenRequest: TokenRequestModel;
  UnitKerja: UnitKerjaModel;
  Comment: CommentModel;
  Substitution: SubstitutionModel;
  LkeTemplate: LkeTemplateModel;
  Assessment: AssessmentModel;
  UnitPredicate: UnitPredicateModel;
}

export function createModels(connection: Connection): Models {
  return {
    Cycle: cycleModel(connection),
    CycleCatalogue: cycleCatalogueModel(connection),
    Notification: notificationModel(connection),
    Task: taskModel(connection),
    AuditEvent: auditEventModel(connection),
    UnitProgress: unitProgressModel(connection),
    MonevReview: monevReviewModel(connection),
    DigestItem: digestItemModel(connection),
    Account: accountModel(connection),
    Session: sessionModel(connection),
    OneTimeToken: oneTimeTokenModel(connection),
    TokenRequest: tokenRequestModel(connection),
    UnitKerja: unitKerjaModel(connection),
    Comment: commentModel(connection),
    Substitution: substitutionModel(connection),
    LkeTemplate: lkeTemplateModel(connection),
    Assessment: assessmentModel(connection),
    UnitPredicate: unitPredicateModel(connection),
  };
}

export interface MongoOptions {
  uri: string;
  serverSelectionTimeoutMs: number;
}

/**
 * Opens a connection, retrying until the database answers: a process started before its database (or during
 * an outage) waits instead of crashing. Indexes are created once connected.
 */
export async function connectMongo(
  options: MongoOptions,
  onRetry: (error: unknown, attempt: number) => void = () => undefined,
): Promise<{ connection: Connection; models: Models }> {
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(options.uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMs,
      // Fail fast while the database is down, so callers answer 503 instead of hanging.
      bufferCommands: false,
      autoIndex: false,
    });
    try {
      await connection.asPromise();
      const models = createModels(connection);
      await Promise.all(Object.values(models).map((model: mongoose.Model<unknown>) => model.createIndexes()));
      return { connection, models };
    } catch (error) {
      await connection.close(true).catch(() => undefined);
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)));
    }
  }
}
