import com.plccoach.migrations.it.AlembicProjects
AlembicProjects.copy(basedir, 'get-bind')
return true
