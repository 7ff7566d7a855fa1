import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { QuestionDetail, QuestionList, RubricResponse } from '@pairboard/contracts';
import { QuestionDetailDto, QuestionListDto, QuestionQueryDto, RubricDto } from './content.dto';
import { ContentService } from './content.service';

@ApiTags('content')
@ApiBearerAuth()
@Controller()
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get('questions')
  @ApiResponse({ status: 200, type: QuestionListDto })
  questions(@Query() query: QuestionQueryDto): Promise<QuestionList> {
    return this.content.searchQuestions(query);
  }

  @Get('questions/:id')
  @ApiResponse({ status: 200, type: QuestionDetailDto })
  question(@Param('id') id: string): Promise<QuestionDetail> {
    return this.content.question(id);
  }

  @Get('rubrics/default')
  @ApiResponse({ status: 200, type: RubricDto })
  rubric(): Promise<RubricResponse> {
    return this.content.defaultRubric();
  }
}
