import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CopyScriptRequest,
  ScriptContent,
  scriptContentSchema,
  ScriptDetail,
  ScriptList,
  ScriptPhase,
  scriptPhaseSchema,
  ScriptSummary,
  scriptTotalMinutes,
  ScriptVersionList,
  SCRIPT_LIMITS,
  updateScriptRequestSchema,
} from '@pairboard/contracts';
import type { FrameworkScript as BuiltInScript } from '@pairboard/interview-content';
import { z } from 'zod';
import { AppError } from '../../base/errors';
import type { Transaction } from '../../base/prisma';
import { ScriptRow, ScriptsRepository, VersionTaken } from './scripts.repository';

type UpdateScript = z.output<typeof updateScriptRequestSchema>;

// Stored JSON is parsed again when read: a row edited by hand cannot reach a client malformed.
const storedPhases = z.array(scriptPhaseSchema);
const SLUG_STEM_LENGTH = 40;

const notFound = () => new AppError('NOT_FOUND', 'No such script.');

/**
 * Framework scripts as versioned data. Built-ins (no owner) are read-only for everyone; a user's own
 * scripts are visible to that user alone (others get 404, as if they did not exist). Every save
 * writes a new version row, so an interview that pinned an older one keeps exactly what it ran.
 */
@Injectable()
export class ScriptsService {
  constructor(private readonly scripts: ScriptsRepository) {}

  /** The built-in scripts, written in the seed's transaction (with the rest of the built-in content). */
  storeBuiltIns(tx: Transaction, scripts: readonly BuiltInScript[]): Promise<void> {
    return this.scripts.upsertBuiltIns(tx, scripts);
  }

  async list(userId: string): Promise<ScriptList> {
    const rows = await this.scripts.latestVisible(userId);
    // Built-ins first, the default leading; then the user's own, by name.
    const ordered = [...rows].sort(
      (a, b) =>
        Number(a.ownerId !== null) - Number(b.ownerId !== null) ||
        Number(b.isDefault) - Number(a.isDefault) ||
        a.name.localeCompare(b.name) ||
        a.slug.localeCompare(b.slug),
    );
    return { items: ordered.map(toSummary) };
  }

  /** One version (the newest when `version` is left out). */
  async detail(userId: string, slug: string, version?: number): Promise<ScriptDetail> {
    const latest = await this.scripts.findLatest(userId, slug);
    if (!latest) throw notFound();
    const row = version === undefined || version === latest.version ? latest : await this.scripts.findVersion(userId, slug, version);
    if (!row) throw new AppError('NOT_FOUND', `This script has no version ${version}.`);
    return toDetail(row, userId, latest.version);
  }

  async versions(userId: string, slug: string): Promise<ScriptVersionList> {
    const rows = await this.scripts.versions(userId, slug);
    if (rows.length === 0) throw notFound();
    return {
      items: rows.map((row) => {
        const phases = parsePhases(row);
        return {
          id: row.id,
          version: row.version,
          name: row.name,
          totalMinutes: scriptTotalMinutes(phases),
          phaseCount: phases.length,
          createdAt: row.createdAt.toISOString(),
        };
      }),
    };
  }

  async create(userId: string, content: ScriptContent): Promise<ScriptDetail> {
    // A fresh random suffix cannot collide in practice; should it, the unique index refuses and we try once more.
    for (let attempt = 0; ; attempt += 1) {
      try {
        const row = await this.scripts.insertVersion(userId, newSlug(content.name), 1, content);
        return toDetail(row, userId, 1);
      } catch (error) {
        if (!(error instanceof VersionTaken) || attempt > 0) throw error;
      }
    }
  }

  /** A copy of any script the user can see, as version 1 of a new script of their own. */
  async copy(userId: string, slug: string, request: CopyScriptRequest): Promise<ScriptDetail> {
    const source = await this.scripts.findLatest(userId, slug);
    if (!source) throw notFound();
    const name = request.name ?? `Copy of ${source.name}`.slice(0, SCRIPT_LIMITS.nameLength).trim();
    const content = scriptContentSchema.parse({
      name,
      description: source.description.slice(0, SCRIPT_LIMITS.descriptionLength),
      autoAdvance: source.autoAdvance,
      phases: parsePhases(source),
    });
    return this.create(userId, content);
  }

  /** Saves an edit as the next version, provided nobody saved since the version it was based on. */
  async update(userId: string, slug: string, request: UpdateScript): Promise<ScriptDetail> {
    const latest = await this.ownedLatest(userId, slug, 'edit');
    if (request.baseVersion !== latest.version) throw staleBase(latest.version);
    const { baseVersion: _base, ...content } = request;
    try {
      const row = await this.scripts.insertVersion(userId, slug, latest.version + 1, content);
      return toDetail(row, userId, row.version);
    } catch (error) {
      // Two saves based on the same version: the first one wins, the second learns it is stale.
      if (error instanceof VersionTaken) throw staleBase(latest.version + 1);
      throw error;
    }
  }

  /** Archives the script: it leaves every list; interviews that pinned a version keep it. */
  async archive(userId: string, slug: string): Promise<void> {
    await this.ownedLatest(userId, slug, 'delete');
    if ((await this.scripts.archive(userId, slug)) === 0) throw notFound();
  }

  private async ownedLatest(userId: string, slug: string, action: 'edit' | 'delete'): Promise<ScriptRow> {
    const latest = await this.scripts.findLatest(userId, slug);
    if (!latest) throw notFound();
    if (latest.ownerId !== userId) {
      throw new AppError('FORBIDDEN', `Built-in scripts are read-only; make a copy to ${action} it.`);
    }
    return latest;
  }
}

function staleBase(latestVersion: number): AppError {
  return new AppError('CONFLICT', `This script was saved as version ${latestVersion} in the meantime. Reload it and apply your changes again.`, {
    latestVersion,
  });
}

function newSlug(name: string): string {
  const stem = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_STEM_LENGTH)
    .replace(/-+$/, '');
  return `${stem || 'script'}-${randomBytes(4).toString('hex')}`;
}

export function parsePhases(row: ScriptRow): ScriptPhase[] {
  const parsed = storedPhases.safeParse(row.phases);
  if (!parsed.success) throw new AppError('INTERNAL', 'This script is damaged.');
  return parsed.data;
}

function toSummary(row: ScriptRow): ScriptSummary {
  const phases = parsePhases(row);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    version: row.version,
    isDefault: row.ownerId === null && row.isDefault,
    builtIn: row.ownerId === null,
    totalMinutes: scriptTotalMinutes(phases),
    phases: phases.map((phase) => ({ key: phase.key, name: phase.name, minutes: phase.minutes })),
  };
}

function toDetail(row: ScriptRow, userId: string, latestVersion: number): ScriptDetail {
  const { phases: _summaryPhases, ...summary } = toSummary(row);
  return {
    ...summary,
    description: row.description,
    autoAdvance: row.autoAdvance,
    mine: row.ownerId === userId,
    latestVersion,
    createdAt: row.createdAt.toISOString(),
    phases: parsePhases(row),
  };
}
