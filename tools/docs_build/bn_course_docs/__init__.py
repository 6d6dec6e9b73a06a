"Tools that build bn-course's docs site; not part of the `bn_course` package that learners import."
