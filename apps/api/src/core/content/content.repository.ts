import { Injectable } from '@nestjs/common';
import type { Question as QuestionContent, Rubric as RubricContent } from '@pairboard/interview-content';
import { Prisma, PrismaService } from '../../base/prisma';
import type { FrameworkScript, Question, QuestionLevel, Rubric, Transaction } from '../../base/prisma';

export type QuestionRow = Question;
export type ScriptRow = FrameworkScript;
export type RubricRow = Rubric;

export interface QuestionFilter {
  topic?: string;
  level?: QuestionLevel;
  text?: string;
}

@Injectable()
export class ContentRepository {
  constructor(private readonly prisma: PrismaService) {}

  async searchQuestions(filter: QuestionFilter, limit: number): Promise<{ rows: QuestionRow[]; total: number }> {
    const where: Prisma.QuestionWhereInput = {
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.topic ? { topics: { has: filter.topic } } : {}),
      ...(filter.text
        ? {
            OR: [
              { title: { contains: filter.text, mode: 'insensitive' } },
              { prompt: { contains: filter.text, mode: 'insensitive' } },
              { slug: { contains: filter.text, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    // Two plain reads: a batch transaction would queue both on one connection for no gain.
    const [rows, total] = await Promise.all([
      this.prisma.question.findMany({ where, orderBy: [{ level: 'asc' }, { title: 'asc' }], take: limit }),
      this.prisma.question.count({ where }),
    ]);
    return { rows, total };
  }

  findQuestion(id: string): Promise<QuestionRow | null> {
    return this.prisma.question.findUnique({ where: { id } });
  }

  findQuestionBySlug(slug: string): Promise<QuestionRow | null> {
    return this.prisma.question.findUnique({ where: { slug } });
  }

  /** A script version an interview may pin: a built-in, or one of the creator's own that is not archived. */
  findPinnableScript(id: string, ownerId: string | undefined): Promise<ScriptRow | null> {
    return this.prisma.frameworkScript.findFirst({
      where: { id, archivedAt: null, OR: [{ ownerId: null }, ...(ownerId ? [{ ownerId }] : [])] },
    });
  }

  findDefaultScript(): Promise<ScriptRow | null> {
    return this.prisma.frameworkScript.findFirst({ where: { isDefault: true, ownerId: null }, orderBy: { version: 'desc' } });
  }

  latestRubric(slug: string): Promise<RubricRow | null> {
    return this.prisma.rubric.findFirst({ where: { slug }, orderBy: { version: 'desc' } });
  }

  /**
   * Writes the built-in content; rows are keyed by slug (and version), so running it again changes
   * nothing. The scripts belong to the scripts capability: `storeScripts` writes them in this transaction.
   */
  async upsertBuiltIns(content: { questions: readonly QuestionContent[]; rubric: RubricContent }, storeScripts: (tx: Transaction) => Promise<void>): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const question of content.questions) {
        const { slug, title, level, topics, prompt } = question;
        const data = { title, level, topics: [...topics], prompt, content: question as unknown as Prisma.InputJsonValue };
        await tx.question.upsert({ where: { slug }, create: { slug, ...data }, update: data });
      }
      await storeScripts(tx);
      const { rubric } = content;
      const rubricData = { name: rubric.name, dimensions: rubric.dimensions as unknown as Prisma.InputJsonValue };
      await tx.rubric.upsert({
        where: { slug_version: { slug: rubric.slug, version: rubric.version } },
        create: { slug: rubric.slug, version: rubric.version, ...rubricData },
        update: rubricData,
      });
    });
  }
}
