#!/usr/bin/env node
import { runCli } from './main.ts';

runCli();
