import { Injectable } from '@nestjs/common';
import type { QuestionDetail, QuestionList, QuestionQuery, RubricResponse } from '@pairboard/contracts';
import { DEFAULT_RUBRIC, FRAMEWORK_SCRIPTS, QUESTIONS, questionSchema, rubricSchema } from '@pairboard/interview-content';
import { AppError } from '../../base/errors';
import { ScriptsService } from '../scripts';
import { ContentRepository, QuestionRow, ScriptRow } from './content.repository';

const MAX_QUESTIONS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ContentService {
  constructor(
    private readonly content: ContentRepository,
    private readonly scripts: ScriptsService,
  ) {}

  /** Idempotent; run by the seed on every start so a new release's content reaches existing installs. */
  seedBuiltIns(): Promise<void> {
    return this.content.upsertBuiltIns({ questions: QUESTIONS, rubric: DEFAULT_RUBRIC }, (tx) => this.scripts.storeBuiltIns(tx, FRAMEWORK_SCRIPTS));
  }

  async searchQuestions(query: QuestionQuery): Promise<QuestionList> {
    const { rows, total } = await this.content.searchQuestions({ topic: query.topic, level: query.level, text: query.q }, MAX_QUESTIONS);
    return { items: rows.map(toQuestionSummary), total };
  }

  async question(id: string): Promise<QuestionDetail> {
    const row = UUID.test(id) ? await this.content.findQuestion(id) : await this.content.findQuestionBySlug(id);
    if (!row) throw new AppError('NOT_FOUND', 'No such question.');
    return toQuestionDetail(row);
  }

  async defaultRubric(): Promise<RubricResponse> {
    const row = await this.content.latestRubric(DEFAULT_RUBRIC.slug);
    if (!row) throw new AppError('NOT_FOUND', 'The rubric has not been seeded yet.');
    const { dimensions } = rubricSchema.parse({ slug: row.slug, name: row.name, version: row.version, dimensions: row.dimensions });
    return { id: row.id, name: row.name, version: row.version, dimensions };
  }

  /**
   * For interviews: the question and script version an interview pins, checked to exist. The script
   * must be a built-in or one of the creator's own (someone else's is "no such script").
   */
  async resolveForInterview(
    questionId: string | undefined,
    scriptId: string | undefined,
    creatorId?: string,
  ): Promise<{ question: QuestionRow | null; script: ScriptRow | null }> {
    const [question, script] = await Promise.all([
      questionId === undefined ? null : UUID.test(questionId) ? this.content.findQuestion(questionId) : this.content.findQuestionBySlug(questionId),
      scriptId === undefined ? this.content.findDefaultScript() : UUID.test(scriptId) ? this.content.findPinnableScript(scriptId, creatorId) : null,
    ]);
    const problems = [
      questionId !== undefined && !question && { path: 'questionId', message: 'No such question' },
      scriptId !== undefined && !script && { path: 'scriptId', message: 'No such script' },
    ].filter(Boolean);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
    return { question, script };
  }
}

function toQuestionSummary(row: QuestionRow) {
  return { id: row.id, slug: row.slug, title: row.title, level: row.level, topics: row.topics, prompt: row.prompt };
}

function toQuestionDetail(row: QuestionRow): QuestionDetail {
  const { requirements, entities, hints, probes, signals } = questionSchema.parse(row.content);
  return { ...toQuestionSummary(row), requirements, entities, hints, probes, signals };
}

