import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { NoteList } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { NoteListDto } from './rooms.dto';
import { RoomsService } from './rooms.service';

/** REST beside the room's socket events: what a page needs without joining the room. */
@ApiTags('rooms')
@ApiBearerAuth()
@Controller('interviews/:id')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  /** The interviewers' private notes: 403 for the candidate and observers, 404 for everyone else. */
  @Get('notes')
  @ApiResponse({ status: 200, type: NoteListDto })
  async notes(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NoteList> {
    return { items: await this.rooms.notesFor(id, user.id) };
  }
}
