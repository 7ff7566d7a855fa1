import { Injectable } from '@nestjs/common';
import type { ScriptContent } from '@pairboard/contracts';
import type { FrameworkScript as BuiltInScript } from '@pairboard/interview-content';
import { Prisma, PrismaService } from '../../base/prisma';
import type { FrameworkScript, Transaction } from '../../base/prisma';

export type ScriptRow = FrameworkScript;

/** Built-ins, or the owner's own scripts that are not archived. */
function visibleTo(userId: string): Prisma.FrameworkScriptWhereInput {
  return { archivedAt: null, OR: [{ ownerId: null }, { ownerId: userId }] };
}

function contentColumns(content: ScriptContent) {
  return {
    name: content.name,
    description: content.description,
    autoAdvance: content.autoAdvance,
    phases: content.phases as unknown as Prisma.InputJsonValue,
  };
}

export class VersionTaken extends Error {}

@Injectable()
export class ScriptsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The newest version of every built-in script and of the user's own scripts. */
  async latestVisible(userId: string): Promise<ScriptRow[]> {
    const rows = await this.prisma.frameworkScript.findMany({
      where: visibleTo(userId),
      orderBy: [{ slug: 'asc' }, { version: 'desc' }],
    });
    return rows.filter((row, index) => index === 0 || rows[index - 1].slug !== row.slug);
  }

  /** Every version of one script the user may see, newest first (empty when it is not theirs to see). */
  versions(userId: string, slug: string): Promise<ScriptRow[]> {
    return this.prisma.frameworkScript.findMany({ where: { slug, ...visibleTo(userId) }, orderBy: { version: 'desc' } });
  }

  findVersion(userId: string, slug: string, version: number): Promise<ScriptRow | null> {
    return this.prisma.frameworkScript.findFirst({ where: { slug, version, ...visibleTo(userId) } });
  }

  findLatest(userId: string, slug: string): Promise<ScriptRow | null> {
    return this.prisma.frameworkScript.findFirst({ where: { slug, ...visibleTo(userId) }, orderBy: { version: 'desc' } });
  }

  findVisibleById(userId: string, id: string): Promise<ScriptRow | null> {
    return this.prisma.frameworkScript.findFirst({ where: { id, ...visibleTo(userId) } });
  }

  /** Writes `version` of an owner's script; a version someone else wrote first is VersionTaken. */
  async insertVersion(ownerId: string, slug: string, version: number, content: ScriptContent): Promise<ScriptRow> {
    try {
      return await this.prisma.frameworkScript.create({
        data: { slug, version, ownerId, isDefault: false, ...contentColumns(content) },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new VersionTaken();
      throw error;
    }
  }

  /** Archives every version; returns how many rows it touched (0: not the owner's, or gone already). */
  async archive(ownerId: string, slug: string): Promise<number> {
    const { count } = await this.prisma.frameworkScript.updateMany({
      where: { slug, ownerId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    return count;
  }

  /** The built-in scripts, keyed by slug and version, in the seed's transaction; one of them stays the default. */
  async upsertBuiltIns(tx: Transaction, scripts: readonly BuiltInScript[]): Promise<void> {
    for (const script of scripts) {
      const data = {
        name: script.name,
        description: script.description,
        isDefault: script.isDefault,
        autoAdvance: script.autoAdvance,
        phases: script.phases as unknown as Prisma.InputJsonValue,
      };
      await tx.frameworkScript.upsert({
        where: { slug_version: { slug: script.slug, version: script.version } },
        create: { slug: script.slug, version: script.version, ...data },
        update: data,
      });
    }
    // Only one built-in default: an older version or another script stops being it.
    const defaults = scripts.filter((script) => script.isDefault);
    await tx.frameworkScript.updateMany({
      where: { ownerId: null, isDefault: true, NOT: defaults.map((script) => ({ slug: script.slug, version: script.version })) },
      data: { isDefault: false },
    });
  }
}
